#!/bin/sh
# The HTML reports in a real browser, as their readers see them: writes
# `spreiding report` for the shipped example (the country, Zeeland alone, a
# scenario, a weekly timeline), the kso overview and a comparison; checks the
# markup with tidy and that nothing outside the page is referred to; checks
# what each page says (tests/README.md, "The shipped example"); renders them
# with headless Chromium to A4 PDF and to PNG screenshots at 1280 and 400 px
# wide; measures in the browser that at 400 px nothing is wider than the
# viewport, no figure sits in a box that scrolls sideways, no name or date
# is broken and no chart text is smaller than 9 px, and at 1280 px that the
# charts are not drawn larger than the body text and a province's map not
# taller than 60 % of the window; and reads the PDFs back: the first page
# holds the answer (the provinces' status, the money and the map), each
# province's chart is on the page of its map, and a scenario is marked on
# every page.
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
kso="$src/tests/cli/fixtures/kso-locaties-2024.csv"
# The example without three rows (Goes, Utrecht-Noord, azc Amersfoort): the
# old side of a comparison.
grep -v -e 'amv-opvang Goes' -e 'opvang Utrecht-Noord' -e 'azc Amersfoort' "$loc" >"$out/oud.csv"
[ "$(wc -l <"$out/oud.csv")" -eq $(($(wc -l <"$loc") - 3)) ] || fail "the old side lost other rows"
"$bin" report --cycle 2024 --locaties "$loc" -o "$out/rapport.html" || fail "report"
"$bin" report --cycle 2024 --locaties "$loc" --provincie Zeeland -o "$out/zeeland.html" ||
    fail "report --provincie"
"$bin" report --cycle 2024 --locaties "$loc" --what-if GM0363=+9000 -o "$out/scenario.html" ||
    fail "scenario report"
"$bin" report --cycle 2024 --locaties "$loc" --tijdlijn 2024-01-01:2025-07-01:1w \
    -o "$out/tijdlijn.html" || fail "report --tijdlijn"
"$bin" kso --cycle 2024 --locaties "$kso" -f html -o "$out/kso.html" || fail "kso"
"$bin" grants --cycle 2024 --locaties "$loc" --vergelijk "$out/oud.csv" -f html \
    -o "$out/vergelijking.html" || fail "grants --vergelijk"
"$bin" progress --cycle 2024 --locaties "$loc" --vergelijk "$out/oud.csv" --provincie Zeeland \
    -f html -o "$out/vergelijking-zeeland.html" || fail "progress --vergelijk --provincie"
pages="rapport zeeland scenario tijdlijn kso vergelijking vergelijking-zeeland"
for page in $pages; do
    # tidy -errors prints warnings too ("trimming empty <tbody>"): none may be left.
    tidy -errors -q "$out/$page.html" >"$out/$page.tidy" 2>&1
    [ -s "$out/$page.tidy" ] && { cat "$out/$page.tidy"; fail "tidy found faults in $page.html"; }
    # Inline SVG refers to its own patterns (url(#...)); nothing else may be referred to.
    if grep -Eq '<script|<link|src="|href="http|@import|url\([^#]' "$out/$page.html"; then
        fail "$page.html refers to something outside itself"
    fi
done

# What the pages say. A no-break space sits between a number and its unit.
nb=$(printf '\302\240')
has() { grep -qF -- "$2" "$out/$1.html" || fail "$1.html lacks: $2"; }
hasnt() { ! grep -qF -- "$2" "$out/$1.html" || fail "$1.html has: $2"; }
# The kso page: the class figures and the national share in the answer, a
# province without small-scale reception says so, classes in words, Dutch dates.
has kso '<td class="n" data-label="Plaatsen gerealiseerd">125</td>'
has kso '<p class="kern">Aandeel KSO (landelijk): 62,98 % (325 van 516 getelde plaatsen).</p>'
has kso '<p class="leeg">Geen kleinschalige opvang in Drenthe.</p>'
has kso '<td class="k" data-label="Klasse">niet gerealiseerd</td>'
has kso 'peildatum <span class="d">1-7-2025</span></h1>'
hasnt kso 'niet_gerealiseerd'
hasnt kso '2025-07-01'
# The report: the money in the answer and per province, lid 3 named.
has rapport '<th scope="col" class="n p">Potentieel lid 3</th>'
has rapport '<th scope="col" class="s">In aanmerking lid 3</th>'
has rapport 'De gemeenten in Groningen krijgen € 3.000.000,00 (art. 9), alles uit lid 2b. Lid 3 volgt pas als Groningen de drempel (75 %) haalt, nog 837 plaatsen: dan € 4.800.000,00'
has rapport 'De gemeenten in Zeeland krijgen € 8.225.000,00 (art. 9): € 5.350.000,00 uit lid 3 en € 2.875.000,00 uit lid 2b.'
has rapport '<tr class="totaal"><td class="k" data-label="Code">Groningen</td>'
has rapport '1 van de 12 provincies haalt de drempel'
has rapport "<text x=\"6\" y=\"12\">opgave 2.715</text>"
has rapport ">geteld 1.200 (44,19$nb%)</text>"
has rapport ">geteld 1.650 (78,23$nb%)</text>"
has rapport ">drempel 75$nb%</text>"
# One province: named in the title, the sentence and the totals; captions
# count their own rows.
has zeeland '<h1>Spreidingswet: opgave, voortgang en uitkering in Zeeland, cyclus 2024'
has zeeland '<strong>Zeeland:</strong> 1.650 plaatsen geteld van een opgave van 2.109; Zeeland haalt de drempel;'
has zeeland 'Gemeenten in Zeeland (13)</th>'
hasnt zeeland 'Nederland'
has vergelijking-zeeland 'Gemeenten met een wijziging in Zeeland (1)</th>'
# A scenario's gemeente is marked, with a footnote.
has scenario '<tr class="veranderd"><td class="k" data-label="Code">GM0363</td>'
has scenario '<td class="n" data-label="Geteld"><span>9.000<span class="sc">*</span></span></td>'
has scenario '<p class="voetnoot"><span class="sc">*</span> Veranderd door het scenario (what-if GM0363=+9000)'
# The comparison says what it compares, and totals both sides.
has vergelijking "<p class=\"kop\">Oud: $out/oud.csv (peildatum <span class=\"d\">1-7-2025</span>) → Nieuw: $loc (peildatum <span class=\"d\">1-7-2025</span>)</p>"
has vergelijking '<td class="n" data-label="Geteld oud">1.350</td><td class="n" data-label="Geteld nieuw">2.450</td><td class="n" data-label="Geteld verschil">1.100</td>'
# The weekly timeline: first met between two steps, ends at TO, lists only
# the gemeenten that change and counts the others.
has tijdlijn '1-1-2024</span> t/m <span class="d">1-7-2025</span></h1>'
has tijdlijn '<td class="d" data-label="Eerst gehaald">tussen 30-12-2024 en 6-1-2025</td>'
has tijdlijn 'voor het eerst gehaald tussen 30-12-2024 en 6-1-2025.'
has tijdlijn '10 van de 13 gemeenten in Zeeland tellen van'
rows=$(grep -c '<tr' "$out/tijdlijn.html")
[ "$rows" -lt 200 ] || fail "the weekly timeline has $rows table rows"

profile=$(mktemp -d)
flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
--disable-background-networking --disable-component-update --disable-sync \
--user-data-dir=$profile"
run() { timeout 120 chromium $flags "$@" >>"$out/chromium.log" 2>&1; }
for page in rapport zeeland scenario kso vergelijking; do
    # shellcheck disable=SC2086
    run --no-pdf-header-footer --print-to-pdf="$out/$page.pdf" "file://$out/$page.html"
    [ -s "$out/$page.pdf" ] || { tail "$out/chromium.log"; fail "chromium printed no $page.pdf"; }
done
# shellcheck disable=SC2086
run --window-size=1280,1000 --screenshot="$out/rapport-1280.png" "file://$out/rapport.html"
# shellcheck disable=SC2086
run --window-size=400,900 --screenshot="$out/rapport-400.png" "file://$out/rapport.html"
for f in rapport-1280.png rapport-400.png; do
    [ -s "$out/$f" ] || { tail "$out/chromium.log"; fail "chromium rendered no $f"; }
done

# Measures a page in a frame WIDTH px wide: the frame reports what is wrong
# into the title of the page around it ("ok" when nothing is).
measure() {
    page=$1 width=$2
    cat >"$out/measure.html" <<EOF
<!DOCTYPE html><html><head><title>?</title></head><body style="margin:0">
<iframe id="f" src="$page.html" style="width:${width}px;height:1000px;border:0"></iframe>
<script>document.getElementById('f').onload = function () {
  var d = this.contentDocument, win = this.contentWindow, cw = d.documentElement.clientWidth;
  var bad = [];
  function lines(e) {
    var r = d.createRange(); r.selectNodeContents(e);
    var tops = {}; Array.prototype.forEach.call(r.getClientRects(), function (q) {
      if (q.width > 0) tops[Math.round(q.bottom)] = 1; });
    return Object.keys(tops).length;
  }
  if (d.documentElement.scrollWidth > cw) bad.push('page ' + d.documentElement.scrollWidth + ' px wide');
  if ($width <= 600) {
    d.querySelectorAll('table td').forEach(function (e) {
      var r = e.getBoundingClientRect();
      if (r.width > 0 && (r.right > cw + 1 || r.left < -1))
        bad.push('cell outside the screen: ' + e.getAttribute('data-label') + ' ' + e.textContent);
    });
    d.querySelectorAll('td.naam, td.k, td.d, span.d').forEach(function (e) {
      var t = e.textContent;
      if (!/[ \-]/.test(t) && lines(e) > 1) bad.push('broken: ' + t);
      if (/^[0-9]+-[0-9]+-[0-9]{4}$/.test(t) && lines(e) > 1) bad.push('date broken: ' + t);
    });
    d.querySelectorAll('svg.chart text, svg.sw-tijdlijn text').forEach(function (e) {
      var h = e.getBoundingClientRect().height;
      if (h > 0 && h < 9) bad.push('chart text ' + h.toFixed(1) + ' px: ' + e.textContent);
    });
  } else {
    d.querySelectorAll('svg.chart, svg.sw-tijdlijn').forEach(function (e) {
      if (e.getBoundingClientRect().width > 641) bad.push('chart ' + e.getBoundingClientRect().width + ' px wide');
    });
    d.querySelectorAll('svg.chart text, svg.sw-tijdlijn text').forEach(function (e) {
      var h = e.getBoundingClientRect().height;
      if (h > 22) bad.push('chart text ' + h.toFixed(1) + ' px: ' + e.textContent);
    });
    d.querySelectorAll('figure.kaart.provincie svg').forEach(function (e) {
      if (e.getBoundingClientRect().height > 0.6 * win.innerHeight + 1)
        bad.push('map ' + e.getBoundingClientRect().height + ' px tall');
    });
  }
  document.title = bad.length ? 'FAIL ' + bad.slice(0, 8).join(' | ') : 'ok';
};</script></body></html>
EOF
    # shellcheck disable=SC2086
    timeout 120 chromium $flags --allow-file-access-from-files --virtual-time-budget=10000 \
        --window-size=1400,1000 --dump-dom "file://$out/measure.html" >"$out/measure.dom" \
        2>>"$out/chromium.log"
    said=$(sed -n 's:.*<title>\(.*\)</title>.*:\1:p' "$out/measure.dom" | head -1)
    [ "$said" = ok ] || fail "$page.html at $width px: ${said:-not measured}"
}
for page in $pages; do
    measure "$page" 400
done
measure rapport 1280
measure tijdlijn 1280
rm -rf "$profile"

pdfpages() { pdfinfo "$out/$1.pdf" | awk '/^Pages:/ {print $2}'; }
pages=$(pdfpages rapport)
size=$(pdfinfo "$out/rapport.pdf" | awk '/^Page size:/ {print $3 "x" $5}')
[ "${pages:-0}" -ge 2 ] || fail "$pages pages"
case $size in 59[45]*x84[12]*) ;; *) fail "page size $size is not A4" ;; esac
pdftoppm -r 80 -png -f 1 -l 1 "$out/rapport.pdf" "$out/page" || fail "pdftoppm"
pdftotext -f 1 -l 1 "$out/rapport.pdf" "$out/page1.txt" || fail "pdftotext"
for word in Voortgang Zeeland "niet gehaald" "Voortgang tegen de drempel" "Nederland:" \
    "Bedrag lid 3" "Bedrag lid 2b" "Totaal art. 9" "Potentieel lid 3" "€ 13.225.000,00"; do
    grep -qF "$word" "$out/page1.txt" || fail "page 1 of the PDF lacks '$word'"
done
grep -q "SHA-256" "$out/page1.txt" && fail "page 1 of the PDF is taken up by digests"
# Each province's chart (its label "drempel 75 %") is on the page of its map
# (the legend "Voortgang (geteld / opgave)").
p=1 charts=0
while [ "$p" -le "$pages" ]; do
    pdftotext -f "$p" -l "$p" "$out/rapport.pdf" "$out/page.txt"
    if grep -qx "drempel 75 %" "$out/page.txt"; then
        charts=$((charts + 1))
        grep -q "Voortgang (geteld / opgave)" "$out/page.txt" ||
            fail "page $p of the PDF has a province's chart without its map"
    fi
    p=$((p + 1))
done
[ "$charts" -eq 12 ] || fail "$charts pages with a province's chart, expected 12"
pdftotext -layout -f 1 -l 1 "$out/kso.pdf" "$out/kso1.txt"
grep -Eq 'Groningen +1 +1 +2 +1 +1 +40 +15 +125 +20 +5$' "$out/kso1.txt" ||
    fail "page 1 of the kso PDF lacks Groningen's classes"
grep -q 'Aandeel KSO (landelijk): 62,98 %' "$out/kso1.txt" ||
    fail "page 1 of the kso PDF lacks the national share"
pdftotext -f 1 -l 1 "$out/zeeland.pdf" - | grep -q 'Zeeland: 1.650 plaatsen geteld' ||
    fail "page 1 of the Zeeland PDF does not sum up Zeeland"
spages=$(pdfpages scenario)
p=1
while [ "$p" -le "$spages" ]; do
    pdftotext -f "$p" -l "$p" "$out/scenario.pdf" - | grep -q "SCENARIO" ||
        fail "page $p of the scenario PDF has no scenario mark"
    p=$((p + 1))
done
echo "rendered $pages A4 pages (scenario: $spages, every one marked; a chart and map together" \
    "on $charts), 7 pages measured at 400 px, into $out"
echo "1 passed, 0 failed"
