#!/usr/bin/env bash
# Refreshes the copy of the RustSec advisory database that `scripts/cargo-deny.sh` checks Cargo.lock
# against (CI reaches no network but the package registries, so the database is kept in the repository).
#
#   scripts/update-advisory-db.sh                 # clones the database (needs the network)
#   scripts/update-advisory-db.sh PATH/TO/CLONE   # or takes an existing clone of it, at its HEAD
#
# Writes third_party/advisory-db/crates.tar.xz (only the `crates/` advisories and the database's
# licence: about 300 KB) and third_party/advisory-db/SNAPSHOT (the commit and its date). Commit both, then
# run `bash scripts/cargo-deny.sh`: new advisories may need a fix (an update of the crate) or, when no
# fix exists, an `ignore` entry in deny.toml with its reason and date.
set -euo pipefail
cd "$(dirname "$0")/.."
out=third_party/advisory-db
url=https://github.com/rustsec/advisory-db

if [ $# -ge 1 ]; then
  clone=$(cd "$1" && pwd)
else
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  git clone --quiet --depth 1 "$url" "$tmp/advisory-db"
  clone=$tmp/advisory-db
fi

commit=$(git -C "$clone" rev-parse HEAD)
date=$(git -C "$clone" show -s --format=%cI HEAD)
mkdir -p "$out"
# git archive stamps every entry with the commit's time: the same commit gives the same bytes.
git -C "$clone" archive --format=tar HEAD crates LICENSE.txt | xz -9e > "$out/crates.tar.xz.new"
mv "$out/crates.tar.xz.new" "$out/crates.tar.xz"
cat > "$out/SNAPSHOT" <<SNAP
# The RustSec advisory database (CC0-1.0), crates/ advisories only, as of this commit.
# Written by scripts/update-advisory-db.sh; read by scripts/cargo-deny.sh.
url=$url
commit=$commit
date=$date
SNAP
echo "advisory database: $commit ($date), $(git -C "$clone" ls-tree -r --name-only HEAD crates | grep -c "\.md$") advisories," \
  "$(stat -c %s "$out/crates.tar.xz") bytes"
