#!/bin/sh
# The maps in a real XML parser and a real browser: map_render draws them
# from the shipped tables (and from the shipped GeoJSON read at run time),
# check_svg.py parses every SVG and checks codes, classes and texts worked
# out by hand; headless Chromium renders three of them: the standalone file
# at its size on paper (not stretched to the window), and inline in a page
# at 1280 and at 400 px (as wide as the page); PNG size, colour count and
# drawn width checked. It lays out their labels (no two may overlap). tidy
# checks them inline in an HTML page. Skips (77) without python3, and after the XML checks without
# chromium. The PNGs stay in OUT-DIR for a person to look at.
# Usage: render.sh MAP_RENDER SOURCE-DIR [OUT-DIR]
set -u
drv=$1
src=$2
out=${3:-$(mktemp -d)}
mkdir -p "$out"
command -v python3 >/dev/null 2>&1 || { echo "SKIP: no python3"; exit 77; }
check() { python3 "$src/tests/map/check_svg.py" "$@"; }
"$drv" "$out" "$src" || { echo "FAIL: map_render"; exit 1; }
check svg "$out" "$src" || exit 1
# Inline in an HTML page, as the report will hold them: tidy finds no fault.
if command -v tidy >/dev/null 2>&1; then
    check page "$out/kaarten.html" "$out/provincies-inline.svg" "$out/gemeenten-inline.svg" \
        "$out/zeeland-inline.svg"
    tidy -errors -q "$out/kaarten.html" || { echo "FAIL: tidy found faults in inline SVG"; exit 1; }
fi
command -v chromium >/dev/null 2>&1 || { echo "SKIP: no chromium (the XML checks passed)"; exit 77; }

status=0
chrome() {
    profile=$(mktemp -d)
    # shellcheck disable=SC2086
    timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$profile" --hide-scrollbars "$@" 2>>"$out/chromium.log"
    rc=$?
    rm -rf "$profile"
    return $rc
}
for map in provincies gemeenten zeeland; do
    # The file on its own: its width in mm (96 px to the inch), whatever the
    # window; the shapes take most of it.
    # shellcheck disable=SC2046
    set -- $(check natural "$out/$map.svg")
    png="$out/$map.png"
    rm -f "$png"
    chrome --window-size="1280,$(($2 + 20))" --screenshot="$png" "file://$out/$map.svg" >/dev/null
    if [ -s "$png" ]; then
        check png "$png" 1280 $(($2 + 20)) $(($1 * 8 / 10)) "$1" || status=1
    else
        echo "FAIL: chromium rendered nothing for $map.svg"
        status=1
    fi
    # In a page: as wide as the page.
    check page "$out/$map-page.html" "$out/$map-inline.svg"
    for width in 1280 400; do
        height=$(check size "$out/$map-inline.svg" "$width")
        png="$out/$map-$width.png"
        rm -f "$png"
        chrome --window-size="$width,$height" --screenshot="$png" "file://$out/$map-page.html" >/dev/null
        [ -s "$png" ] || { echo "FAIL: chromium rendered nothing for $map at $width px"; status=1; continue; }
        check png "$png" "$width" "$height" $((width * 85 / 100)) "$width" || status=1
    done
    check harness "$out/$map-inline.svg" "$out/$map-labels.html"
    chrome --window-size=1280,2200 --dump-dom "file://$out/$map-labels.html" >"$out/$map-labels.dom"
    check labels "$out/$map-labels.dom" || status=1
done
[ $status -eq 0 ] || exit 1
echo "maps in $out"
echo "1 passed, 0 failed"
