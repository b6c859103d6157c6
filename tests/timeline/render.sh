#!/bin/sh
# Timeline charts in a real XML parser and a real browser: chart_render
# draws them (tests/timeline/chart_render.c); Python's XML parser reads each
# SVG and checks its frame and the texts worked out by hand; tidy checks the
# page that holds them inline; headless Chromium renders the page at 1000
# and at 400 px; and `spreiding report --tijdlijn` of the shipped example,
# a scenario, gets a chart in every province's section, passes tidy and is
# rendered too. Skips (77) without python3, and after the XML checks
# without tidy or chromium. The PNGs stay in OUT-DIR for a person to look
# at: tests/timeline/render.sh build/tests/chart_render build/src/cli/spreiding . /tmp/g
# Usage: render.sh CHART_RENDER SPREIDING SOURCE-DIR [OUT-DIR]
set -u
drv=$1
bin=$2
src=$3
out=${4:-$(mktemp -d)}
mkdir -p "$out"
command -v python3 >/dev/null 2>&1 || { echo "SKIP: no python3"; exit 77; }
"$drv" "$out" || { echo "FAIL: chart_render"; exit 1; }
python3 - "$out" <<'PY' || exit 1
import re, sys, xml.etree.ElementTree as ET
out = sys.argv[1]
S = "{http://www.w3.org/2000/svg}"
nbsp = "\u00a0"
# Texts each chart must hold, worked out by hand (tests/README.md, "Timeline").
want = {
    "kruist": ["PV21 Fryslân", "Drempel (75" + nbsp + "%) voor het eerst gehaald tussen 1-3-2025 en 1-4-2025.",
               "Stand op 1-6-2025: 6 van 7 geteld, 85,71" + nbsp + "%, drempel gehaald.",
               "drempel 75" + nbsp + "%", "opgave 100" + nbsp + "%", "1-1-2025"],
    "al-gehaald": ["Drempel (75" + nbsp + "%) al gehaald op de eerste peildatum, 1-1-2025."],
    # 20 of 7 places: 285,71 %, the scale runs to 300 % in steps of 50.
    "boven-100": ["300" + nbsp + "%", "SCENARIO: what-if GM0004=+10", "31-1-2025"],
    "een-datum": ["1-7-2025"],
    # Alfa: 3 places from 1-2-2025 to 1-8-2025 (30 %); the thousandth day
    # after 1-1-2024 is 26-9-2026 (366 + 365 + 268 days).
    "duizend-dagen": ["Drempel (75" + nbsp + "%) op geen van de peildata gehaald.",
                      "Stand op 26-9-2026: 0 van 10 geteld, 0,00" + nbsp + "%, drempel niet gehaald."],
    "geen-opgave": ["Geen opgave, dus geen voortgang."],
}
bad = 0
for name, texts in want.items():
    path = f"{out}/{name}.svg"
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        print(f"FAIL: {path}: not well-formed: {e}"); bad += 1; continue
    if root.tag != S + "svg" or not re.fullmatch(r"0 0 \d+ \d+", root.get("viewBox", "")):
        print(f"FAIL: {path}: not an svg with a viewBox"); bad += 1
    if root.get("role") != "img" or not root.get("aria-label") or root.find(S + "title") is None:
        print(f"FAIL: {path}: no role, aria-label or title"); bad += 1
    seen = [t.text or "" for t in root.iter(S + "text")]
    for t in texts:
        if t not in seen:
            print(f"FAIL: {path}: no text {t!r}"); bad += 1
    for e in root.iter():
        if e.tag in (S + "script", S + "image", S + "a", S + "style") or any("href" in k for k in e.attrib):
            print(f"FAIL: {path}: refers outside itself ({e.tag})"); bad += 1
circles = sum(1 for _ in ET.parse(f"{out}/duizend-dagen.svg").getroot().iter(S + "circle"))
if circles > 2:
    print(f"FAIL: a thousand dates drawn as {circles} points"); bad += 1
sys.exit(1 if bad else 0)
PY
"$bin" report --cycle 2024 --locaties "$src/data/voorbeeld-locaties-2024.csv" \
    --tijdlijn 2024-01-01:2026-01-01 --what-if GM0654=+400 -o "$out/tijdlijn.html" ||
    { echo "FAIL: report --tijdlijn"; exit 1; }
charts=$(grep -c '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 6400 [0-9]*" class="sw-tijdlijn"' "$out/tijdlijn.html")
[ "$charts" -eq 12 ] || { echo "FAIL: $charts timeline charts in the report, expected 12"; exit 1; }
grep -q '>SCENARIO: what-if GM0654=+400</text>' "$out/tijdlijn.html" ||
    { echo "FAIL: the charts of a scenario are not marked"; exit 1; }
command -v tidy >/dev/null 2>&1 || { echo "SKIP: no tidy (the XML checks passed)"; exit 77; }
tidy -errors -q "$out/grafieken.html" || { echo "FAIL: tidy found faults"; exit 1; }
tidy -errors -q "$out/tijdlijn.html" || { echo "FAIL: tidy found faults in the report"; exit 1; }
command -v chromium >/dev/null 2>&1 || { echo "SKIP: no chromium (the XML checks passed)"; exit 77; }
for width in 1000 400; do
    profile=$(mktemp -d)
    timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$profile" --hide-scrollbars --window-size="$width,4000" \
        --screenshot="$out/grafieken-$width.png" "file://$out/grafieken.html" \
        >>"$out/chromium.log" 2>&1
    rm -rf "$profile"
    [ -s "$out/grafieken-$width.png" ] || { echo "FAIL: chromium rendered nothing at $width px"; exit 1; }
done
profile=$(mktemp -d)
timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --hide-scrollbars --window-size=1000,2400 \
    --screenshot="$out/tijdlijn.png" "file://$out/tijdlijn.html" >>"$out/chromium.log" 2>&1
rm -rf "$profile"
[ -s "$out/tijdlijn.png" ] || { echo "FAIL: chromium rendered nothing of the report"; exit 1; }
echo "charts in $out"
echo "1 passed, 0 failed"
