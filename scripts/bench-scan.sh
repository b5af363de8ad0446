#!/usr/bin/env bash
# Scanner benchmark, on generated trees with known truth (`vigie-fixtures`): the realistic tree (sizes as
# a practice has them, ~95 KB a file) and the small-file tree. For each, in the same run, warm cache then
# cold cache, the median of RUNS rounds in which the four commands alternate:
#   find -type f                       (lists the tree, opens no file)
#   vigie-fixtures --read-walk         (the floor of any content scanner: the same parallel walk, the same
#                                       reads in flight as vigie, reading the first 4 KiB of each file)
#   vigie scan --format json
#   dcmftest over find's output        (dcmtk)
# and prints the ratios, whether every generated DICOM was found and nothing else, and vigie's peak
# memory. Cold = `echo 3 > /proc/sys/vm/drop_caches` before each command (root only; said when refused).
#
# Usage: scripts/bench-scan.sh [N files, default 50000] [realistic|small|both, default both]
#        THREADS_SWEEP=1 also times cold vigie and the read walk with 8, 16, 32 and 64 reads in flight
#        (realistic tree). RUNS (default 5), TREE_DIR (default /tmp/vigie-bench), KEEP_TREE=1 keeps the
#        trees (else deleted at the end), NO_BUILD=1 uses the release binaries as they are.
# Targets (issue 20, realistic tree): warm ≤ 1.3× the read walk and ≥ 2.5× faster than dcmftest; cold
# ≤ 1.2× the read walk.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-50000}
WHICH=${2:-both}
RUNS=${RUNS:-5}
BASE=${TREE_DIR:-/tmp/vigie-bench}

[ "${NO_BUILD:-0}" = 1 ] || nice -n 10 cargo build --release --bins --quiet
VIGIE=$PWD/target/release/vigie
FIXTURES=$PWD/target/release/vigie-fixtures
if ! command -v dcmftest >/dev/null && [ "$(id -u)" = 0 ]; then
  apt-get install -y -qq dcmtk >/dev/null || true
fi

drop_caches() { sync; echo 3 > /proc/sys/vm/drop_caches 2>/dev/null; }
CAN_DROP=0
if drop_caches; then CAN_DROP=1; fi

# Seconds of one run of a command (caches dropped first when COLD=1).
one() {
  [ "${COLD:-0}" = 1 ] && drop_caches
  local s e
  s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N)
  echo "$e - $s" | bc -l
}
median() { sort -g | awk '{ a[NR] = $1 } END { printf "%.3f", (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
ratio() { echo "$1 / $2" | bc -l | xargs printf '%.2f'; }

# dcmftest exits 255 on some files, which would make xargs stop: each batch's status is ignored.
dcmftest_over_find() { find "$1" -type f -print0 | xargs -0 -n 2000 sh -c 'dcmftest "$@" || true' dcmftest; }

# Times the four commands, alternating, RUNS rounds; prints one line.
report() {
  local label=$1 tree=$2 tf tr tv td i
  tf=$(mktemp); tr=$(mktemp); tv=$(mktemp); td=$(mktemp)
  for ((i = 0; i < RUNS; i++)); do
    one find "$tree" -type f >>"$tf"
    one "$FIXTURES" --read-walk "$tree" >>"$tr"
    one "$VIGIE" scan --format json "$tree" >>"$tv"
    if command -v dcmftest >/dev/null; then one dcmftest_over_find "$tree" >>"$td"; fi
  done
  local f r v d
  f=$(median <"$tf"); r=$(median <"$tr"); v=$(median <"$tv")
  printf '%s: find %s s, 4 KiB read walk %s s, vigie %s s, dcmftest over find ' "$label" "$f" "$r" "$v"
  if [ -s "$td" ]; then d=$(median <"$td"); printf '%s s' "$d"; else d=; printf 'n/a'; fi
  printf ' | vigie = %s× find, %s× the read walk' "$(ratio "$v" "$f")" "$(ratio "$v" "$r")"
  [ -n "$d" ] && printf ', %s× faster than dcmftest' "$(ratio "$d" "$v")"
  echo
  rm -f "$tf" "$tr" "$tv" "$td"
}

# Every generated DICOM found, nothing else: vigie's findings by kind against the generator's counts.
check_truth() {
  local tree=$1 truth=$2 json
  json=$(mktemp)
  "$VIGIE" scan --format json "$tree" >"$json" 2>/dev/null || true
  local got want
  got=$(jq -r '[.findings[].kind] | group_by(.) | map("\(.[0]) \(length)") | .[]' "$json" | sort || true)
  want=$(awk -F'\t' '$1 == "dicom" || $1 == "dicom (unreadable unless root)" { d += $2 }
                     $1 == "dicomdir" || $1 == "zip_dicom" || $1 == "gzip_dicom" || $1 == "image_export" { print $1, $2 }
                     END { print "dicom", d }' "$truth" | sort)
  if [ "$(id -u)" != 0 ]; then
    want=$(echo "$want" | awk -v u="$(awk -F'\t' '$1 ~ /unreadable/ { print $2 }' "$truth")" '$1 == "dicom" { $2 -= u } { print }' | sort)
  fi
  if [ "$got" = "$want" ]; then
    echo "truth: every generated DICOM found, no false positive ($(echo "$got" | tr '\n' ',' | sed 's/,$//'))"
  else
    echo "truth: MISMATCH — vigie found: $(echo "$got" | tr '\n' ','); generated: $(echo "$want" | tr '\n' ',')"
  fi
  local unreadable
  unreadable=$(jq '[.findings[] | select(.header_unreadable)] | length' "$json")
  echo "headers unreadable: $unreadable"
  rm -f "$json"
}

bench_tree() {
  local kind=$1 tree="$BASE-$1" truth
  truth=$(mktemp)
  rm -rf "$tree"
  if [ "$kind" = small ]; then "$FIXTURES" --small "$tree" "$N" >"$truth"; else "$FIXTURES" "$tree" "$N" >"$truth"; fi
  echo "== $kind tree: $N files, $(du -sh "$tree" 2>/dev/null | cut -f1) in $tree"
  check_truth "$tree" "$truth"
  find "$tree" -type f >/dev/null 2>&1 || true # warm the cache
  COLD=0 report "warm ($kind)" "$tree"
  if [ "$CAN_DROP" = 1 ]; then
    COLD=1 report "cold ($kind)" "$tree"
  else
    echo "cold ($kind): not measured — dropping the page cache is not permitted here"
  fi
  local peak
  peak=$( { /usr/bin/time -f '%M' "$VIGIE" scan --format json "$tree" >/dev/null; } 2>&1 | tail -1 )
  echo "vigie peak memory ($kind): $((peak / 1024)) MB"
  if [ "$kind" = realistic ] && [ "${THREADS_SWEEP:-0}" = 1 ] && [ "$CAN_DROP" = 1 ]; then
    # The settings alternate within each round, so that a change of the machine's speed during the
    # sweep weighs on all of them alike.
    local t i sweep
    sweep=$(mktemp -d)
    for ((i = 0; i < RUNS; i++)); do
      for t in 8 16 32 64; do
        COLD=1 one "$FIXTURES" --read-walk "$tree" "$t" >>"$sweep/walk-$t"
        COLD=1 one "$VIGIE" scan --threads "$t" --format json "$tree" >>"$sweep/vigie-$t"
      done
    done
    for t in 8 16 32 64; do
      echo "cold, $t reads in flight: read walk $(median <"$sweep/walk-$t") s, vigie $(median <"$sweep/vigie-$t") s"
    done
    rm -rf "$sweep"
  fi
  rm -f "$truth"
  [ "${KEEP_TREE:-0}" = 1 ] || rm -rf "$tree"
}

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $RUNS alternating rounds, medians"
case $WHICH in
  realistic | small) bench_tree "$WHICH" ;;
  *) bench_tree realistic; bench_tree small ;;
esac
