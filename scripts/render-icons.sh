#!/usr/bin/env bash
# Renders assets/icon/vigie.svg to the sizes each platform wants, into assets/icon/:
#   png/vigie-N.png (16…512, hicolor sizes for Linux), vigie-64.rgba (the window's icon, raw RGBA),
#   vigie.ico (Windows: exe and installer), vigie.icns (macOS bundle). The outputs are committed, so that building needs no tool;
#   run this again after changing the SVG. Needs librsvg2-bin, imagemagick and icnsutils (Debian).
set -euo pipefail
cd "$(dirname "$0")/.."
SRC=assets/icon/vigie.svg
OUT=assets/icon
mkdir -p "$OUT/png"
for n in 16 24 32 48 64 128 256 512; do
  rsvg-convert -w "$n" -h "$n" "$SRC" -o "$OUT/png/vigie-$n.png"
done
convert "$OUT"/png/vigie-{16,24,32,48,64,128,256}.png "$OUT/vigie.ico"
# The window's icon as raw RGBA, 64×64: embedded as is, so that no image decoder is needed.
convert "$OUT/png/vigie-64.png" -depth 8 rgba:"$OUT/vigie-64.rgba"
png2icns "$OUT/vigie.icns" "$OUT"/png/vigie-{16,32,48,128,256,512}.png >/dev/null
ls -l "$OUT" "$OUT/png"
