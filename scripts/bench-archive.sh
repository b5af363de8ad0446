#!/usr/bin/env bash
# Archive benchmark (issue 17): Vigie against the `age` command-line tool (Debian package) on the same
# files, warm cache, in the same run: the median of RUNS rounds in which the commands alternate.
#   encrypt:  tar -c DIR | age -r KEY > X.age         vs  vigie archive encrypt --identity KEY --out X.age DIR
#   decrypt:  age -d -i KEY X.age | tar -x -C OUT     vs  vigie archive decrypt X.age --identity KEY --to OUT
# Vigie's encrypt also reads the archive back, decrypts it and checks every file's SHA-256 before
# naming it, and its decrypt checks every file before moving it into place: the ratios include that
# work. Also prints each one's peak memory (GNU time), to show it flat in the archive's size.
#
# Usage: scripts/bench-archive.sh [size in MiB, default 1024]
#        RUNS (default 5), TREE_DIR (default /tmp/vigie-archive-bench), KEEP_TREE=1 keeps the files,
#        NO_BUILD=1 uses target/release/vigie as it is, VIGIE=path uses another binary.
set -euo pipefail
cd "$(dirname "$0")/.."
MIB=${1:-1024}
RUNS=${RUNS:-5}
BASE=${TREE_DIR:-/tmp/vigie-archive-bench}
if [ -z "${VIGIE:-}" ]; then
  [ "${NO_BUILD:-0}" = 1 ] || nice -n 10 cargo build --release --bin vigie --quiet
  VIGIE=$PWD/target/release/vigie
fi
command -v age >/dev/null || { [ "$(id -u)" = 0 ] && apt-get install -y -qq age >/dev/null; }
command -v age-keygen >/dev/null || { echo "age is missing (apt-get install age)"; exit 2; }

TREE=$BASE/tree
mkdir -p "$BASE"
if [ ! -d "$TREE" ]; then
  # A practice-like mix: studies of DICOM-sized files (0.5 to 8 MiB, random bytes: nothing compresses),
  # in folders of 20.
  mkdir -p "$TREE"
  left=$((MIB * 1024 * 1024)); i=0
  while [ "$left" -gt 0 ]; do
    size=$(( (RANDOM % 16 + 1) * 512 * 1024 ))
    [ "$size" -gt "$left" ] && size=$left
    dir=$TREE/etude-$((i / 20)); mkdir -p "$dir"
    head -c "$size" /dev/urandom > "$dir/IMG$(printf %05d $i).dcm"
    left=$((left - size)); i=$((i + 1))
  done
fi
KEY=$BASE/key.txt
[ -f "$KEY" ] || age-keygen -o "$KEY" 2>/dev/null
RECIPIENT=$(age-keygen -y "$KEY")
echo "tree: $(du -sh "$TREE" | cut -f1), $(find "$TREE" -type f | wc -l) files; runs: $RUNS"
cat $(find "$TREE" -type f) > /dev/null  # warm

T=$(mktemp -d)
# Seconds and peak KiB of one command (the arguments, run by bash -c).
one() { /usr/bin/time -f "%e %M" -o "$T/time" bash -c "$1" >/dev/null 2>&1; cat "$T/time"; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

for r in $(seq "$RUNS"); do
  rm -rf "$T"/out* "$T"/*.age
  echo "age-enc $(one "tar -C '$TREE/..' -c tree | age -r $RECIPIENT > '$T/a.age'")" >> "$T/results"
  echo "vigie-enc $(one "'$VIGIE' archive encrypt --identity '$KEY' --out '$T/v.age' '$TREE'")" >> "$T/results"
  mkdir -p "$T/out-age" "$T/out-vigie"
  echo "age-dec $(one "age -d -i '$KEY' '$T/v.age' | tar -x -C '$T/out-age'")" >> "$T/results"
  echo "vigie-dec $(one "'$VIGIE' archive decrypt '$T/v.age' --identity '$KEY' --to '$T/out-vigie'")" >> "$T/results"
  diff -r "$TREE" "$T/out-vigie/tree" > /dev/null && diff -r "$TREE" "$T/out-age/tree" > /dev/null \
    || { echo "round $r: restored files differ"; exit 1; }
done
for k in age-enc vigie-enc age-dec vigie-dec; do
  s=$(awk -v k=$k '$1==k {print $2}' "$T/results" | median)
  m=$(awk -v k=$k '$1==k {print $3}' "$T/results" | sort -n | tail -1)
  printf '%-10s median %6.2f s   %7.1f MiB/s   peak %6d KiB\n' "$k" "$s" "$(echo "$MIB / $s" | bc -l)" "$m"
  eval "S_${k//-/_}=$s"
done
printf 'encrypt: vigie / age = %.2f (below 1: vigie faster)\n' "$(echo "$S_vigie_enc / $S_age_enc" | bc -l)"
printf 'decrypt: vigie / age = %.2f\n' "$(echo "$S_vigie_dec / $S_age_dec" | bc -l)"
rm -rf "$T"
[ "${KEEP_TREE:-0}" = 1 ] || rm -rf "$BASE"
