#!/usr/bin/env bash
# The Windows side of CI, from Linux, on ONE build in the `ci` profile (release code, no LTO, no debug
# information, no debug assertions: the shipped code path):
#   scripts/ci-windows.sh build      the program and the test binaries for x86_64-pc-windows-gnu
#   scripts/ci-windows.sh test       the test suite under Wine
#   scripts/ci-windows.sh installer  the installer made from the program just tested, and its smoke test
#   scripts/ci-windows.sh            all three
# Tools (Debian): gcc-mingw-w64-x86-64
# binutils-mingw-w64-x86-64 wine wine64 nsis osslsigncode zip xvfb xauth xdotool imagemagick
# (.ci/run installs them).
set -euo pipefail
cd "$(dirname "$0")/.."

TARGET=x86_64-pc-windows-gnu
PROFILE=ci
OUT=target/$TARGET/$PROFILE
what=${1:-all}

# Under Wine: the whole suite. Running it costs under a minute once built (docs/ci.md has the figures),
# against most of the CI budget for the build, so no test is left out: the platform-sensitive ones (vault and
# atomic saves, paths, the command line through the built program, the scanner, the file manager, the
# GUI) and the rest alike. VIGIE_WINE_FILTER runs only the tests whose path contains it (when working).
stub() { # the test-only stand-in for bcryptprimitives.dll (Wine 8 lacks ProcessPrng); never shipped
  bash packaging/windows/wine-stub/build.sh target/wine-stub
}

build() {
  cargo test --profile "$PROFILE" --target "$TARGET" --no-run
  [ -f "$OUT/vigie.exe" ] || { echo "no $OUT/vigie.exe after the build" >&2; exit 1; }
}

wine_tests() {
  local dll; dll=$(stub)
  cp "$dll" "$OUT/"
  cp "$dll" "$OUT/deps/"
  export WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
  export WINEPREFIX
  local scratch; scratch=$(mktemp -d)
  # shellcheck disable=SC2064
  trap "wineserver -k 2>/dev/null || true; rm -rf '$scratch'" EXIT
  WINEPREFIX=$scratch/wine-tests
  xvfb-run -a wineboot -i >/dev/null 2>&1 || true
  # The binaries are already built: cargo only runs them, through the Wine runner (.cargo/config.toml).
  xvfb-run -a cargo test --profile "$PROFILE" --target "$TARGET" -- ${VIGIE_WINE_FILTER:+"$VIGIE_WINE_FILTER"}
}

installer() {
  # The program that the tests just ran, not a new build.
  # Compressed with zlib: LZMA took most of this step for a setup that is thrown away (docs/ci.md).
  VIGIE_WINDOWS_EXE="$OUT/vigie.exe" VIGIE_NSIS_COMPRESSOR=zlib bash scripts/package.sh windows
  local version; version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
  bash scripts/smoke-installer.sh "dist/vigie-$version-setup.exe" "$(stub)"
}

case "$what" in
  build) build ;;
  test) wine_tests ;;
  installer) installer ;;
  all) build; wine_tests; installer ;;
  *) echo "usage: scripts/ci-windows.sh [build|test|installer]" >&2; exit 2 ;;
esac
