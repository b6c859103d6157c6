#!/bin/sh
# The HTML report in a real browser: writes `spreiding report` for the shipped
# example, checks the markup with tidy, renders it with headless Chromium to
# PDF (A4) and to a PNG screenshot, and turns the PDF's first page into a PNG
# with pdftoppm. Fails when any step fails; skips (77) without the tools.
# Usage: render.sh SPREIDING SOURCE-DIR [OUT-DIR]
set -u
bin=$1
src=$2
out=${3:-$(mktemp -d)}
mkdir -p "$out"
for tool in tidy chromium pdfinfo pdftoppm; do
    command -v "$tool" >/dev/null 2>&1 || { echo "SKIP: no $tool"; exit 77; }
done
"$bin" report --cycle 2024 --locaties "$src/data/voorbeeld-locaties-2024.csv" -o "$out/rapport.html" || exit 1
tidy -errors -q "$out/rapport.html" || { echo "FAIL: tidy found errors"; exit 1; }
if grep -Eq '<script|<link|src="http|href="http|@import|url\(' "$out/rapport.html"; then
    echo "FAIL: the page refers to something outside itself"
    exit 1
fi
profile=$(mktemp -d)
flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
--disable-background-networking --disable-component-update --disable-sync \
--user-data-dir=$profile"
# shellcheck disable=SC2086
timeout 120 chromium $flags --no-pdf-header-footer --print-to-pdf="$out/rapport.pdf" \
    "file://$out/rapport.html" >"$out/chromium.log" 2>&1
# shellcheck disable=SC2086
timeout 120 chromium $flags --window-size=1000,1400 --screenshot="$out/rapport.png" \
    "file://$out/rapport.html" >>"$out/chromium.log" 2>&1
rm -rf "$profile"
[ -s "$out/rapport.pdf" ] && [ -s "$out/rapport.png" ] || { echo "FAIL: chromium rendered nothing"; tail "$out/chromium.log"; exit 1; }
pages=$(pdfinfo "$out/rapport.pdf" | awk '/^Pages:/ {print $2}')
size=$(pdfinfo "$out/rapport.pdf" | awk '/^Page size:/ {print $3 "x" $5}')
[ "${pages:-0}" -ge 2 ] || { echo "FAIL: $pages pages"; exit 1; }
case $size in 59[45]*x84[12]*) ;; *) echo "FAIL: page size $size is not A4"; exit 1 ;; esac
pdftoppm -r 80 -png -f 1 -l 1 "$out/rapport.pdf" "$out/page" || exit 1
pdftotext -f 1 -l 2 "$out/rapport.pdf" - 2>/dev/null | grep -q "Provincies" ||
    { echo "FAIL: the PDF lacks the national overview"; exit 1; }
echo "rendered $pages A4 pages into $out"
echo "1 passed, 0 failed"
