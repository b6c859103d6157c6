"""Reads back a workbook written by spreiding -f xlsx (Debian python3-openpyxl).

Usage: check_xlsx.py KIND FILE, KIND being allocate, progress, grants or
scenario (grants --what-if GM0014=+50) on the shipped example; checks
sheets, real numbers, formats, alignment, frozen header, filter, page
headers and the parameters' kinds.
The expected figures are the hand-worked ones of tests/README.md.
"""
import datetime
import html
import re
import sys
import zipfile

import openpyxl

kind, path = sys.argv[1], sys.argv[2]
wb = openpyxl.load_workbook(path)
fail = []
scenario = kind == "scenario"
top = 3 if scenario else 1  # a scenario is marked in two rows above the table
NUMBER_PAD = "_-"  # a number ends a space short of its cell's edge
EURO = "[$\u20ac-413] #,##0.00" + NUMBER_PAD
TITLES = {
    "allocate": "Opgave per gemeente, cyclus 2024",
    "progress": "Voortgang per gemeente, cyclus 2024, peildatum 1-7-2025",
    "grants": "Specifieke uitkering art. 9, cyclus 2024, peildatum 1-7-2025",
    "scenario": "SCENARIO - Specifieke uitkering art. 9, cyclus 2024, peildatum 1-7-2025",
}


def check(what, got, want):
    if got != want:
        fail.append(f"{what}: got {got!r}, want {want!r}")


def row_of(ws, code):
    for row in ws.iter_rows(min_row=top + 1):
        if row[0].value == code:
            return row
    fail.append(f"{ws.title}: no row {code}")
    return None


def col_of(ws, name):
    """The 0-based column whose header ends in (name), the CSV column."""
    for cell in ws[top]:
        if isinstance(cell.value, str) and cell.value.endswith(f"\n({name})"):
            return cell.column - 1
    fail.append(f"{ws.title}: no column ({name})")
    return 0


def param(label):
    for a, b in wb["parameters"].iter_rows(min_row=2, max_col=2):
        if a.value == label:
            return b
    fail.append(f"parameters: no {label}")
    return None


def page_headers():
    """Each sheet's page header as written (openpyxl does not keep a bold
    run and a line break apart): sheet N is xl/worksheets/sheetN.xml."""
    heads = {}
    with zipfile.ZipFile(path) as z:
        for i, name in enumerate(wb.sheetnames, 1):
            xml = z.read(f"xl/worksheets/sheet{i}.xml").decode()
            m = re.search(r"<oddHeader>(.*?)</oddHeader>", xml, re.S)
            heads[name] = html.unescape(m.group(1)) if m else ""
    return heads


check("sheets", wb.sheetnames, ["gemeenten", "provincies", "parameters"])
for name in ("gemeenten", "provincies"):
    ws = wb[name]
    check(f"{name} frozen header", ws.freeze_panes, f"A{top + 1}")
    check(f"{name} filter starts at the header", (ws.auto_filter.ref or "").split(":")[0],
          f"A{top}")
provincies = wb["provincies"]
zeeland = row_of(provincies, "PV29")
if kind == "allocate":
    check("Zeeland opgave", zeeland[4].value, 2109)
    check("342 gemeenten, a header and a totals row", wb["gemeenten"].max_row, 344)
    total = wb["gemeenten"].cell(row=344, column=9)
    check("the opgave totals as a formula", total.value, "=SUM(I2:I343)")
    check("a count is grouped, with room after it", total.number_format, "#,##0" + NUMBER_PAD)
    # Without SES scores the SES-WOA column is empty: hidden, in its place.
    ses = col_of(wb["gemeenten"], "ses_woa")
    check("the empty SES-WOA column stays in place", ses, 5)
    check("the empty SES-WOA column is hidden",
          wb["gemeenten"].column_dimensions["F"].hidden, True)
elif kind == "progress":
    check("Zeeland geteld", zeeland[3].value, 1650)
    check("voortgang is a percentage", zeeland[4].number_format, "0.00%" + NUMBER_PAD)
    # 1650/2109 = 78.236...%, shown rounded down (rekenregels §7.11): 78.23 %
    check("voortgang value (78.23 %, 2 decimals)", round(zeeland[4].value, 10), 0.7823)
    check("drempel gehaald is centred", zeeland[5].alignment.horizontal, "center")
    check("its title too", provincies.cell(row=top, column=6).alignment.horizontal, "center")
elif kind in ("grants", "scenario"):
    lid3 = col_of(provincies, "bedrag_lid3")
    check("Zeeland lid 3", zeeland[lid3].value, 5350000)
    check("euro format", zeeland[lid3].number_format, EURO)
    check("a number's title is right-aligned",
          provincies.cell(row=top, column=lid3 + 1).alignment.horizontal, "right")
    check("a text's title is indented as its cells",
          (provincies.cell(row=top, column=2).alignment.indent, zeeland[1].alignment.indent),
          (1, 1))
    middelburg = row_of(wb["gemeenten"], "GM0687")
    gemeenten = wb["gemeenten"]
    check("Middelburg totaal", middelburg[col_of(gemeenten, "totaal")].value, 3900000)
    aandeel = middelburg[col_of(gemeenten, "aandeel")]
    check("Middelburg aandeel is a number", isinstance(aandeel.value, float), True)
    check("in aanmerking is centred",
          middelburg[col_of(gemeenten, "in_aanmerking")].alignment.horizontal, "center")
    # Under the per-plaats grondslag no province has a budget: the column is
    # hidden and has no total (not EUR 0,00); the other money columns do.
    budget = col_of(provincies, "budget")
    letter = openpyxl.utils.get_column_letter(budget + 1)
    totals = provincies[top + 13]
    check("the totals row", totals[0].value, "Totaal")
    check("the empty budget column is hidden", provincies.column_dimensions[letter].hidden, True)
    check("the empty budget column has no total", totals[budget].value, None)
    check("lid 3 has its total", totals[lid3].value,
          f"=SUM({openpyxl.utils.get_column_letter(lid3 + 1)}{top + 1}:"
          f"{openpyxl.utils.get_column_letter(lid3 + 1)}{top + 12})")
    # The parameters by their kind: money as euro, counts grouped, dates.
    tarief = param("Tarief lid 3, duurzaam")
    check("a tariff is a number", tarief.value, 4000)
    check("in euro", tarief.number_format, EURO)
    check("the total is a number", param("Totaal lid 3").value, 5350000)
    check("the threshold is a number", param("Drempel (%)").value, 75)
if kind != "allocate":
    peildatum = param("Peildatum")
    check("the peildatum is a date", peildatum.value, datetime.datetime(2025, 7, 1))
    check("shown the Dutch way", peildatum.number_format, "d-m-yyyy" + NUMBER_PAD)
capaciteit = param("Capaciteit (C)")
check("the capacity is a number", capaciteit.value, 96000)
check("grouped", capaciteit.number_format, "#,##0" + NUMBER_PAD)
check("text says what it is", param("Modus").data_type, "s")
# Every sheet's page header names its own table under the report's title,
# and in a scenario keeps both beneath the scenario's mark.
heads = page_headers()
title = TITLES[kind]
for name, what in (("provincies", "Provincies"), ("gemeenten", "Gemeenten (342)"),
                   ("parameters", "Parameters")):
    want = f"&L{what} \u2014 {title}&R&P / &N"
    if scenario:
        want = f'&L&"-,Bold"SCENARIO: what-if GM0014=+50&"-,Regular"\n' + want[2:]
    check(f"{name} page header", heads[name], want)
check("parameters", wb["parameters"]["A1"].value, "Parameter")
check("header title with the CSV name", provincies[f"A{top}"].value, "Code\n(provinciecode)")
check("landscape", provincies.page_setup.orientation, "landscape")
check("fit to the page", provincies.sheet_properties.pageSetUpPr.fitToPage, True)
check("as many pages down as needed", provincies.page_setup.fitToHeight, 0)
check("header row repeated", provincies.print_title_rows, f"${top}:${top}")
if fail:
    print("\n".join(fail))
    sys.exit(1)
print(f"{kind}: workbook ok")
