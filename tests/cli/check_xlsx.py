"""Reads back a workbook written by spreiding -f xlsx (Debian python3-openpyxl).

Usage: check_xlsx.py KIND FILE, KIND being allocate, progress or grants on the
shipped example; checks sheets, real numbers, formats, frozen header, filter.
The expected figures are the hand-worked ones of tests/README.md.
"""
import sys

import openpyxl

kind, path = sys.argv[1], sys.argv[2]
wb = openpyxl.load_workbook(path)
fail = []


def check(what, got, want):
    if got != want:
        fail.append(f"{what}: got {got!r}, want {want!r}")


def row_of(ws, code):
    for row in ws.iter_rows(min_row=2):
        if row[0].value == code:
            return row
    fail.append(f"{ws.title}: no row {code}")
    return None


check("sheets", wb.sheetnames, ["gemeenten", "provincies", "parameters"])
for name in ("gemeenten", "provincies"):
    ws = wb[name]
    check(f"{name} frozen header", ws.freeze_panes, "A2")
    check(f"{name} filter starts at A1", (ws.auto_filter.ref or "").split(":")[0], "A1")
provincies = wb["provincies"]
zeeland = row_of(provincies, "PV29")
if kind == "allocate":
    check("Zeeland opgave", zeeland[4].value, 2109)
    check("342 gemeenten, a header and a totals row", wb["gemeenten"].max_row, 344)
    total = wb["gemeenten"].cell(row=344, column=9)
    check("the opgave totals as a formula", total.value, "=SUM(I2:I343)")
elif kind == "progress":
    check("Zeeland geteld", zeeland[3].value, 1650)
    check("voortgang is a percentage", zeeland[4].number_format, "0.00%")
    # 1650/2109 = 78.236...%, shown rounded down (rekenregels §7.11): 78.23 %
    check("voortgang value (78.23 %, 2 decimals)", round(zeeland[4].value, 10), 0.7823)
elif kind == "grants":
    check("Zeeland lid 3", zeeland[7].value, 5350000)
    check("euro format", zeeland[7].number_format, "[$\u20ac-413] #,##0.00")
    middelburg = row_of(wb["gemeenten"], "GM0687")
    check("Middelburg totaal", middelburg[11].value, 3900000)
    check("Middelburg aandeel is a number", isinstance(middelburg[6].value, float), True)
check("parameters", wb["parameters"]["A1"].value, "Parameter")
check("header title with the CSV name", provincies["A1"].value, "Code\n(provinciecode)")
check("landscape", provincies.page_setup.orientation, "landscape")
check("fit to the page", provincies.sheet_properties.pageSetUpPr.fitToPage, True)
check("as many pages down as needed", provincies.page_setup.fitToHeight, 0)
check("header row repeated", provincies.print_title_rows, "$1:$1")
if fail:
    print("\n".join(fail))
    sys.exit(1)
print(f"{kind}: workbook ok")
