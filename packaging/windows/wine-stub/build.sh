#!/usr/bin/env bash
# Builds the test-only stand-in bcryptprimitives.dll (see bcryptprimitives.c) into $1 (default:
# target/wine-stub). Needs gcc-mingw-w64-x86-64.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here/../../../target/wine-stub}"
mkdir -p "$out"
x86_64-w64-mingw32-gcc -O2 -shared -s -o "$out/bcryptprimitives.dll" \
  "$here/bcryptprimitives.c" "$here/bcryptprimitives.def" -ladvapi32
echo "$out/bcryptprimitives.dll"
