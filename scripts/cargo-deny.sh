#!/usr/bin/env bash
# `cargo deny check` (licences, bans, sources, advisories: deny.toml), offline, against the RustSec
# advisory database kept in third_party/advisory-db/ (scripts/update-advisory-db.sh refreshes it).
#
# cargo-deny itself: built from its source on crates.io by `cargo install --locked` at a pinned version
# (about 2 to 3 minutes of 2 cores on an idle machine, docs/ci.md). A third party's prebuilt binary
# would be faster, but the tool that vets our supply chain comes from its authors' own release, not
# from a repackaging. A cargo-deny of that version already on the PATH is used as it is.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
target=${CARGO_TARGET_DIR:-$root/target}
tools=$target/tools
DENY_VERSION=0.20.2

deny=""
if command -v cargo-deny >/dev/null && [ "$(cargo-deny --version)" = "cargo-deny $DENY_VERSION" ]; then
  deny=$(command -v cargo-deny)
elif [ -x "$tools/bin/cargo-deny" ] && [ "$("$tools/bin/cargo-deny" --version)" = "cargo-deny $DENY_VERSION" ]; then
  deny=$tools/bin/cargo-deny
else
  cargo install --quiet --locked cargo-deny --version "$DENY_VERSION" --root "$tools"
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
