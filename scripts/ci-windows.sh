#!/usr/bin/env bash
# The Windows side of CI, from Linux: the test suite cross-built for x86_64-pc-windows-gnu and run under
# Wine, then the installer built and smoke-tested (scripts/smoke-installer.sh). Installs what it needs.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" = 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64 \
    wine wine64 nsis osslsigncode zip xvfb xauth xdotool imagemagick >/dev/null
fi
rustup target add x86_64-pc-windows-gnu >/dev/null

# Wine 8 lacks bcryptprimitives.dll (ProcessPrng): a test-only stand-in, never shipped.
STUB=$(bash packaging/windows/wine-stub/build.sh target/wine-stub)
export WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
export WINEPREFIX
SCRATCH=$(mktemp -d)
trap 'wineserver -k 2>/dev/null || true; rm -rf "$SCRATCH"' EXIT
WINEPREFIX=$SCRATCH/wine-tests
xvfb-run -a wineboot -i >/dev/null 2>&1 || true

echo "== cargo test --target x86_64-pc-windows-gnu (under Wine)"
cargo test --target x86_64-pc-windows-gnu --no-run
for d in target/x86_64-pc-windows-gnu/debug target/x86_64-pc-windows-gnu/debug/deps; do
  cp "$STUB" "$d/"
done
xvfb-run -a cargo test --target x86_64-pc-windows-gnu

echo "== installer"
bash scripts/package.sh windows
bash scripts/smoke-installer.sh "dist/vigie-$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)-setup.exe" "$STUB"
