#!/bin/sh
# Draws the app icon (a blue tile with "HN" in Noto Sans Bold and a gold bar) and writes
# the sizes the window, the Windows exe and the Linux desktop entry use. Needs ImageMagick.
# Run from the repository root: sh assets/packaging/make-icon.sh
set -eu
out=assets
tmp=$(mktemp -d)
convert -size 256x256 xc:none \
    -fill '#1f5fa8' -draw 'roundrectangle 8,8 247,247 44,44' \
    -fill '#f2c230' -draw 'roundrectangle 52,188 203,204 6,6' \
    -font assets/fonts/NotoSans-Bold.ttf -pointsize 124 -fill white \
    -gravity center -annotate +0-18 'HN' \
    "$tmp/icon-256.png"
cp "$tmp/icon-256.png" "$out/icon-256.png"
for s in 16 24 32 48 64 128; do
    convert "$tmp/icon-256.png" -resize ${s}x${s} "$tmp/icon-$s.png"
done
cp "$tmp/icon-48.png" "$out/icon-48.png"
convert "$tmp/icon-16.png" "$tmp/icon-24.png" "$tmp/icon-32.png" "$tmp/icon-48.png" \
    "$tmp/icon-64.png" "$tmp/icon-128.png" "$tmp/icon-256.png" -depth 8 "$out/icon.ico"
rm -r "$tmp"
