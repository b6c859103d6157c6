#!/usr/bin/env python3
"""Checks of the maps written by map_render (tests/map/render.sh).

check_svg.py svg OUT-DIR SOURCE-DIR
    Parses every SVG with a real XML parser and checks codes, classes and
    texts against values worked out by hand; NAME.svg is standalone (a size
    in mm), NAME-inline.svg as a page holds it (no size: its container's).
check_svg.py harness SVG HTML
    Writes a page that shows the SVG at 1280 px and lists the boxes of its
    labels as the browser lays them out (for --dump-dom).
check_svg.py labels DUMP
    Reads that list from Chromium's --dump-dom output: no two labels overlap.
check_svg.py page HTML SVG...
    Writes an HTML5 page with the SVGs inline, as a report would hold them
    (for tidy).
check_svg.py size SVG WIDTH
    Prints the height of the SVG drawn WIDTH pixels wide.
check_svg.py natural SVG
    Prints the width and height in CSS pixels (96 per inch) of a standalone
    SVG, from its width and height in mm.
check_svg.py png PNG WIDTH HEIGHT [MIN MAX]
    Checks a screenshot: its size, that it has more than a handful of
    colours (a map, not a blank page), and that what is drawn on it (not
    white) is from MIN to MAX pixels wide. Standard library only.
"""
import csv
import json
import re
import struct
import sys
import xml.etree.ElementTree as ET
import zlib

SVG = "{http://www.w3.org/2000/svg}"
failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL: " + msg)


def parse(path):
    try:
        return ET.parse(path).getroot()
    except ET.ParseError as e:
        fail(f"{path}: not well-formed XML: {e}")
        return None


def shapes(root):
    """data-code -> the path element (and a list of every code seen)."""
    seen = [e.get("data-code") for e in root.iter() if e.get("data-code") is not None]
    by_code = {e.get("data-code"): e for e in root.iter(SVG + "path") if e.get("data-code")}
    return seen, by_code


MM_PAGE = (170.0, 250.0)  # the largest size of a standalone map: A4 less margins


def check_size(path, root, standalone):
    """A standalone map has a width and height in mm, the viewBox's
    proportions, as large as fits MM_PAGE; one for a page has neither."""
    vb = root.get("viewBox", "")
    if not re.fullmatch(r"0 0 \d+ \d+", vb):
        fail(f"{path}: viewBox {vb!r}")
        return
    _, _, vw, vh = (int(v) for v in vb.split())
    w, h = root.get("width"), root.get("height")
    if not standalone:
        if w or h:
            fail(f"{path}: a fixed width or height on a map for a page")
        if "width:100%" not in root.get("style", ""):
            fail(f"{path}: a map for a page does not take its container's width")
        return
    m = [re.fullmatch(r"(\d+\.\d)mm", v or "") for v in (w, h)]
    if not all(m):
        fail(f"{path}: width {w!r} height {h!r}, expected millimetres")
        return
    wmm, hmm = (float(x.group(1)) for x in m)
    if wmm > MM_PAGE[0] or hmm > MM_PAGE[1] or (wmm != MM_PAGE[0] and hmm != MM_PAGE[1]):
        fail(f"{path}: {wmm} x {hmm} mm does not fill {MM_PAGE[0]} x {MM_PAGE[1]} mm")
    # Rounded to a tenth of a mm: the proportions agree to within that.
    if abs(wmm * vh - hmm * vw) > 0.051 * (vw + vh):
        fail(f"{path}: {wmm} x {hmm} mm is not in the proportions of the viewBox {vw} x {vh}")
    if "width:100%" in root.get("style", ""):
        fail(f"{path}: a style overrides the size of a standalone map")


def check_legend(path, root):
    """The legend lists only classes a shape has (and each once)."""
    shape_classes = {e.get("class") for e in root.iter(SVG + "path") if e.get("data-code")}
    legend = [e.get("class") for g in root.iter(SVG + "g") if g.get("class") == "sw-legenda"
              for e in g.iter(SVG + "rect") if e.get("class")]
    if len(legend) != len(set(legend)):
        fail(f"{path}: a class twice in the legend: {legend}")
    if not set(legend) <= shape_classes:
        fail(f"{path}: legend entries no shape has: {sorted(set(legend) - shape_classes)}")
    return set(legend), shape_classes


def check_common(path, root, standalone=True):
    if root.tag != SVG + "svg":
        fail(f"{path}: root is {root.tag}, not svg")
    check_size(path, root, standalone)
    check_legend(path, root)
    ids = [e.get("id") for e in root.iter() if e.get("id")]
    if len(ids) != len(set(ids)):
        fail(f"{path}: duplicate ids")
    for e in root.iter():
        m = re.fullmatch(r"url\(#([^)]+)\)", e.get("fill", ""))
        if m and m.group(1) not in ids:
            fail(f"{path}: fill refers to a missing #{m.group(1)}")
    texts = ["".join(t.itertext()) for t in root.iter(SVG + "text")]
    if "Bron: CBS, Kadaster" not in texts:
        fail(f"{path}: no 'Bron: CBS, Kadaster'")
    for e in root.iter(SVG + "path"):
        if e.get("data-code") and e.find(SVG + "title") is None:
            fail(f"{path}: {e.get('data-code')} has no <title>")
    return texts


def expect_fill(path, by_code, code, cls, fill, title=None):
    e = by_code.get(code)
    if e is None:
        fail(f"{path}: no shape {code}")
        return
    if e.get("class") != cls or e.get("fill") != fill:
        fail(f"{path}: {code} has class={e.get('class')} fill={e.get('fill')}, "
             f"expected {cls} {fill}")
    if title is not None:
        t = e.find(SVG + "title")
        if t is None or t.text != title:
            fail(f"{path}: {code} title {t.text if t is not None else None!r}, expected {title!r}")


def check_svgs(out, src):
    with open(f"{src}/data/gemeenten-2024.csv", encoding="utf-8") as f:
        register = {r["gemeentecode"]: r for r in csv.DictReader(f)}

    # Every gemeente, by population: <20 000, <50 000, <100 000, <250 000.
    path = f"{out}/gemeenten.svg"
    root = parse(path)
    if root is not None:
        check_common(path, root)
        seen, by_code = shapes(root)
        if len(seen) != 342 or set(seen) != set(register):
            fail(f"{path}: {len(seen)} codes, {len(set(seen))} distinct; "
                 f"missing {sorted(set(register) - set(seen))[:5]}")
        for code in register:
            if seen.count(code) != 1:
                fail(f"{path}: {code} appears {seen.count(code)} times")
        # The sequential palette: ColorBrewer Blues, light to dark.
        expect_fill(path, by_code, "GM0363", "sw-k4", "#08519c",
                    "Amsterdam \u2014 931.298 inwoners")       # 931 298 >= 250 000
        expect_fill(path, by_code, "GM0014", "sw-k3", "#3182bd")  # 243 768 < 250 000
        expect_fill(path, by_code, "GM0687", "sw-k2", "#6baed6")  # 50 004 >= 50 000
        expect_fill(path, by_code, "GM0664", "sw-k1", "#bdd7e7")  # 39 682
        expect_fill(path, by_code, "GM0096", "sw-k0", "#eff3ff")  # Vlieland, 1 255
        expect_fill(path, by_code, "GM0088", "sw-geen", "url(#gem-p-geen)",
                    "Schiermonnikoog \u2014 geen gegevens")    # left without a figure

    # The provinces against the threshold of 75 %.
    path = f"{out}/provincies.svg"
    root = parse(path)
    if root is not None:
        texts = check_common(path, root)
        seen, by_code = shapes(root)
        if sorted(seen) != [f"PV{n}" for n in range(20, 32)]:
            fail(f"{path}: codes {seen}")
        # The threshold palette: orange hatched, green, dark green.
        # 1650 / 2109 = 78.236 %: met; shown truncated (rekenregels §7.11).
        expect_fill(path, by_code, "PV29", "sw-k1", "#7fbf7b",
                    "Zeeland \u2014 opgave 2.109, geteld 1.650, 78,23 %")
        # 4743 / 6325 = 74.988 %: below, though it rounds to 75,0.
        expect_fill(path, by_code, "PV23", "sw-k0", "url(#prov-p-k0)",
                    "Overijssel \u2014 opgave 6.325, geteld 4.743, 74,98 %")
        # 2019 / 2691 = 75.03 %: met.
        expect_fill(path, by_code, "PV22", "sw-k1", "#7fbf7b")
        # 2441 / 2441: exactly 100 %.
        expect_fill(path, by_code, "PV24", "sw-k2", "#1b7837")
        expect_fill(path, by_code, "PV20", "sw-k0", "url(#prov-p-k0)")  # 55,24 %
        expect_fill(path, by_code, "PV30", "sw-geen", "url(#prov-p-geen)")
        for name in ("Zeeland", "Noord-Brabant", "Fryslân"):
            if name not in texts:
                fail(f"{path}: no label {name}")
        for entry in ("onder de drempel (75 %)", "geen opgave"):
            if entry not in texts:
                fail(f"{path}: legend lacks {entry!r}")

    path = f"{out}/scenario.svg"
    root = parse(path)
    if root is not None:
        texts = check_common(path, root)
        if "SCENARIO: what-if GM0664=+50; include-planned" not in texts:
            fail(f"{path}: no scenario mark")

    # One province: Zeeland's 13 gemeenten and nothing else with a code.
    path = f"{out}/zeeland.svg"
    root = parse(path)
    if root is not None:
        check_common(path, root)
        seen, by_code = shapes(root)
        zeeland = sorted(c for c, r in register.items() if r["provinciecode"] == "PV29")
        if sorted(seen) != zeeland:
            fail(f"{path}: codes {sorted(seen)}, expected {zeeland}")
        expect_fill(path, by_code, "GM0716", "sw-geen", "url(#pv29-p-geen)",
                    "Tholen \u2014 geen opgave")

    # Each legend names exactly the classes its shapes have (the drawing
    # drops the others); here every entry given is used.
    for name in ("provincies", "gemeenten", "zeeland"):
        root = parse(f"{out}/{name}.svg")
        if root is not None:
            legend, used = check_legend(f"{out}/{name}.svg", root)
            if legend != used:
                fail(f"{out}/{name}.svg: legend {sorted(legend)}, shapes {sorted(used)}")

    # The map by threshold and the maps by voortgang stand on one page: no
    # colour of one is a colour of another.
    threshold = class_colours(parse(f"{out}/provincies.svg"))
    for name in ("gemeenten", "zeeland"):
        shared = threshold & class_colours(parse(f"{out}/{name}.svg"))
        if shared:
            fail(f"{out}/{name}.svg: shares {sorted(shared)} with the map by threshold")

    # As a page holds them: the same drawing without a size of its own.
    for name in ("provincies", "scenario", "gemeenten", "zeeland", "dissolved"):
        path = f"{out}/{name}-inline.svg"
        root = parse(path)
        if root is None:
            continue
        if name == "dissolved":  # a user's file: no credit of its own
            check_size(path, root, standalone=False)
        else:
            check_common(path, root, standalone=False)
        alone = open(f"{out}/{name}.svg", encoding="utf-8").read().split("\n")
        inline = open(path, encoding="utf-8").read().split("\n")
        if alone[2:] != inline[1:]:
            fail(f"{path}: draws other than {name}.svg")

    # Read from GeoJSON at run time, provinces dissolved.
    path = f"{out}/dissolved.svg"
    root = parse(path)
    if root is not None:
        check_size(path, root, standalone=True)
        seen, _ = shapes(root)
        if sorted(seen) != [f"PV{n}" for n in range(20, 32)]:
            fail(f"{path}: codes {seen}")


def class_colours(root):
    """The colours of the classed shapes (not "geen"), hatches included."""
    if root is None:
        return set()
    patterns = {e.get("id"): e for e in root.iter(SVG + "pattern")}
    colours = set()
    for e in root.iter(SVG + "path"):
        if not e.get("data-code") or e.get("class") == "sw-geen":
            continue
        m = re.fullmatch(r"url\(#([^)]+)\)", e.get("fill", ""))
        if m and m.group(1) in patterns:
            colours |= {r.get("fill") for r in patterns[m.group(1)].iter(SVG + "rect")}
        else:
            colours.add(e.get("fill"))
    return colours


def harness(svg_path, html_path):
    svg = open(svg_path, encoding="utf-8").read()
    svg = svg.split("?>", 1)[1] if svg.startswith("<?xml") else svg
    page = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>t</title></head>"
            "<body style=\"margin:0;width:1280px\">" + svg +
            "<pre id=\"out\"></pre><script>\n"
            "const t = [...document.querySelectorAll('.sw-labels text')].map(e => {\n"
            "  const r = e.getBoundingClientRect();\n"
            "  return [e.textContent, r.left, r.top, r.right, r.bottom]; });\n"
            "document.getElementById('out').textContent = 'LABELS' + JSON.stringify(t) + 'END';\n"
            "</script></body></html>\n")
    with open(html_path, "w", encoding="utf-8") as f:
        f.write(page)


def labels(dump_path):
    dump = open(dump_path, encoding="utf-8").read()
    m = re.search(r"LABELS(.*?)END", dump, re.S)
    if not m:
        fail(f"{dump_path}: the page did not list its labels")
        return
    boxes = json.loads(m.group(1).replace("&quot;", '"').replace("&amp;", "&"))
    if not boxes:
        fail(f"{dump_path}: no labels")
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            # Overlap by more than half a pixel either way.
            if a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5 and a[2] < b[4] - 0.5 and b[2] < a[4] - 0.5:
                fail(f"labels overlap in the browser: {a} and {b}")
    print(f"{dump_path}: {len(boxes)} labels, none overlapping")


def page(html_path, svgs):
    body = ""
    for path in svgs:
        svg = open(path, encoding="utf-8").read()
        body += "<div>" + (svg.split("?>", 1)[1] if svg.startswith("<?xml") else svg) + "</div>\n"
    with open(html_path, "w", encoding="utf-8") as f:
        f.write("<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\">"
                "<title>kaarten</title></head><body style=\"margin:0\">\n" + body +
                "</body></html>\n")


def natural(svg_path):
    root = ET.parse(svg_path).getroot()
    w, h = (float(root.get(k)[:-2]) * 96 / 25.4 for k in ("width", "height"))
    print(int(w + 0.999), int(h + 0.999))


def size(svg_path, width):
    root = ET.parse(svg_path).getroot()
    _, _, w, h = (int(v) for v in root.get("viewBox").split())
    print((int(width) * h + w - 1) // w)


def png(path, want_w, want_h, drawn_min=None, drawn_max=None):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail(f"{path}: not a PNG")
        return
    pos, idat, ihdr = 8, b"", None
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            ihdr = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    w, h, depth, ctype, _, _, interlace = ihdr
    if (w, h) != (int(want_w), int(want_h)):
        fail(f"{path}: {w}x{h}, expected {want_w}x{want_h}")
    if depth != 8 or ctype not in (2, 6) or interlace:
        fail(f"{path}: bit depth {depth}, colour type {ctype}: not read here")
        return
    bpp = 3 if ctype == 2 else 4
    raw = zlib.decompress(idat)
    stride = w * bpp
    prev = bytearray(stride)
    colours = set()
    left, right = w, -1
    for y in range(h):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        if f == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 255
        elif f == 2:
            for i in range(stride):
                line[i] = (line[i] + prev[i]) & 255
        elif f == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 255
        elif f == 4:
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b = prev[i]
                c = prev[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 255
        if y % 2 == 0:
            for i in range(0, stride, bpp * 2):
                colours.add(bytes(line[i:i + 3]))
            for x in range(w):
                if min(line[x * bpp:x * bpp + 3]) < 240:
                    left, right = min(left, x), max(right, x)
        prev = line
    drawn = right - left + 1 if right >= 0 else 0
    print(f"{path}: {w}x{h}, {len(colours)} colours, drawn {drawn} px wide")
    if len(colours) < 12:
        fail(f"{path}: only {len(colours)} colours")
    if drawn_min is not None and not int(drawn_min) <= drawn <= int(drawn_max):
        fail(f"{path}: drawn {drawn} px wide, expected {drawn_min} to {drawn_max}")


def main():
    cmd = sys.argv[1]
    if cmd == "svg":
        check_svgs(sys.argv[2], sys.argv[3])
    elif cmd == "harness":
        harness(sys.argv[2], sys.argv[3])
    elif cmd == "labels":
        labels(sys.argv[2])
    elif cmd == "page":
        page(sys.argv[2], sys.argv[3:])
    elif cmd == "size":
        size(sys.argv[2], sys.argv[3])
    elif cmd == "natural":
        natural(sys.argv[2])
    elif cmd == "png":
        png(*sys.argv[2:])
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
