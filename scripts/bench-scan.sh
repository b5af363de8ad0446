#!/usr/bin/env bash
# Scanner benchmark: times `vigie scan` against `find -type f`, against the floor of any content scanner
# (a parallel walk reading the first 4 KiB of each file: `vigie-fixtures --read-walk`), and against
# dcmtk's `dcmftest` run over find's output, on the same generated tree in the same run, warm cache then cold cache (when the
# machine lets us drop caches), and prints the ratios and vigie's peak memory.
# Usage: scripts/bench-scan.sh [N files, default 50000] [tree folder, default /tmp/vigie-bench]
# Targets (PRODUCT.md): warm ≤ 1.6× find; cold ≤ 2× find; ≥ 2× faster than dcmftest; memory flat in N.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-50000}
TREE=${2:-/tmp/vigie-bench}

cargo build --release --bins --quiet
VIGIE=target/release/vigie
if ! command -v dcmftest >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y -qq dcmtk >/dev/null; fi
fi

rm -rf "$TREE"
target/release/vigie-fixtures "$TREE" "$N" >/dev/null
echo "tree: $N files in $TREE"

# Best of 3 wall-clock seconds of a command.
best() {
  local best=999999
  for _ in 1 2 3; do
    [ "${COLD:-0}" = 1 ] && drop_caches
    local s e
    s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N)
    best=$(echo "$e - $s" | bc -l | awk -v b="$best" '{ print ($1 < b) ? $1 : b }')
  done
  echo "$best"
}
drop_caches() { sync; echo 3 > /proc/sys/vm/drop_caches 2>/dev/null || true; }
can_drop() { sync; echo 3 > /proc/sys/vm/drop_caches 2>/dev/null; }

dcmftest_over_find() { find "$TREE" -type f -print0 | xargs -0 -n 2000 dcmftest; }

report() {
  local label=$1
  local f v d
  f=$(best find "$TREE" -type f)
  r=$(best target/release/vigie-fixtures --read-walk "$TREE")
  v=$(best "$VIGIE" scan --format json "$TREE")
  printf '%s: find %.3f s, 4 KiB read walk %.3f s, vigie scan %.3f s, ratio %.2f× find, %.2f× read walk' \
    "$label" "$f" "$r" "$v" "$(echo "$v / $f" | bc -l)" "$(echo "$v / $r" | bc -l)"
  if command -v dcmftest >/dev/null; then
    d=$(best dcmftest_over_find)
    printf ', dcmftest over find %.3f s (vigie %.1f× faster)' "$d" "$(echo "$d / $v" | bc -l)"
  fi
  echo
}

find "$TREE" -type f >/dev/null 2>&1 || true   # warm the cache
COLD=0 report "warm"
if can_drop; then COLD=1 report "cold"; else echo "cold: cannot drop caches on this machine (not permitted)"; fi

peak=$( { /usr/bin/time -f '%M' "$VIGIE" scan --format json "$TREE" >/dev/null; } 2>&1 | tail -1 )
echo "vigie peak memory: $((peak / 1024)) MB for $N files"
