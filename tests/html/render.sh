#!/bin/sh
# The HTML report in a real browser, as its readers see it: writes `spreiding
# report` for the shipped example (and a scenario of it), checks the markup
# with tidy and that nothing outside the page is referred to; renders it with
# headless Chromium to A4 PDF and to PNG screenshots at 1280 and 400 px wide;
# measures in the browser that nothing is wider than a 400 px viewport; and
# reads the PDF back: the first page holds the answer (the provinces' status
# and the map), and a scenario is marked on every page.
# Usage: render.sh SPREIDING SOURCE-DIR [OUT-DIR]
set -u
bin=$1
src=$2
out=${3:-$(mktemp -d)}
mkdir -p "$out"
for tool in tidy chromium pdfinfo pdftoppm pdftotext; do
    command -v "$tool" >/dev/null 2>&1 || { echo "SKIP: no $tool"; exit 77; }
done
fail() { echo "FAIL: $*"; exit 1; }
loc="$src/data/voorbeeld-locaties-2024.csv"
"$bin" report --cycle 2024 --locaties "$loc" -o "$out/rapport.html" || fail "report"
"$bin" report --cycle 2024 --locaties "$loc" --what-if GM0363=+9000 -o "$out/scenario.html" ||
    fail "scenario report"
for page in rapport scenario; do
    tidy -errors -q "$out/$page.html" || fail "tidy found errors in $page.html"
    # Inline SVG refers to its own patterns (url(#...)); nothing else may be referred to.
    if grep -Eq '<script|<link|src="|href="http|@import|url\([^#]' "$out/$page.html"; then
        fail "$page.html refers to something outside itself"
    fi
done

profile=$(mktemp -d)
flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
--disable-background-networking --disable-component-update --disable-sync \
--user-data-dir=$profile"
run() { timeout 120 chromium $flags "$@" >>"$out/chromium.log" 2>&1; }
for page in rapport scenario; do
    # shellcheck disable=SC2086
    run --no-pdf-header-footer --print-to-pdf="$out/$page.pdf" "file://$out/$page.html"
done
# shellcheck disable=SC2086
run --window-size=1280,1000 --screenshot="$out/rapport-1280.png" "file://$out/rapport.html"
# shellcheck disable=SC2086
run --window-size=400,900 --screenshot="$out/rapport-400.png" "file://$out/rapport.html"
for f in rapport.pdf scenario.pdf rapport-1280.png rapport-400.png; do
    [ -s "$out/$f" ] || { tail "$out/chromium.log"; fail "chromium rendered no $f"; }
done

# How wide is the page in a 400 px viewport? A frame of that width reports its
# content's width into the title of the page around it.
cat >"$out/width.html" <<EOF
<!DOCTYPE html><html><head><title>?</title></head><body style="margin:0">
<iframe id="f" src="rapport.html" style="width:400px;height:800px;border:0"></iframe>
<script>document.getElementById('f').onload = function () {
  var d = this.contentDocument.documentElement;
  document.title = 'width=' + d.scrollWidth; };</script></body></html>
EOF
# shellcheck disable=SC2086
timeout 120 chromium $flags --allow-file-access-from-files --virtual-time-budget=5000 \
    --dump-dom "file://$out/width.html" >"$out/width.dom" 2>>"$out/chromium.log"
width=$(grep -o 'width=[0-9]*' "$out/width.dom" | head -1 | cut -d= -f2)
[ -n "$width" ] || fail "could not measure the page width"
[ "$width" -le 400 ] || fail "at 400 px the page is $width px wide"
rm -rf "$profile"

pages=$(pdfinfo "$out/rapport.pdf" | awk '/^Pages:/ {print $2}')
size=$(pdfinfo "$out/rapport.pdf" | awk '/^Page size:/ {print $3 "x" $5}')
[ "${pages:-0}" -ge 2 ] || fail "$pages pages"
case $size in 59[45]*x84[12]*) ;; *) fail "page size $size is not A4" ;; esac
pdftoppm -r 80 -png -f 1 -l 1 "$out/rapport.pdf" "$out/page" || fail "pdftoppm"
pdftotext -f 1 -l 1 "$out/rapport.pdf" "$out/page1.txt" || fail "pdftotext"
for word in Voortgang Zeeland "niet gehaald" "Voortgang tegen de drempel" "Nederland:"; do
    grep -q "$word" "$out/page1.txt" || fail "page 1 of the PDF lacks '$word'"
done
grep -q "SHA-256" "$out/page1.txt" && fail "page 1 of the PDF is taken up by digests"
spages=$(pdfinfo "$out/scenario.pdf" | awk '/^Pages:/ {print $2}')
p=1
while [ "$p" -le "$spages" ]; do
    pdftotext -f "$p" -l "$p" "$out/scenario.pdf" - | grep -q "SCENARIO" ||
        fail "page $p of the scenario PDF has no scenario mark"
    p=$((p + 1))
done
echo "rendered $pages A4 pages (scenario: $spages, every one marked), 400 px: $width px wide, into $out"
echo "1 passed, 0 failed"
