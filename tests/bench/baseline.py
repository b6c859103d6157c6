"""The same work as `spreiding grants`, done the way a user otherwise would:
a short Python script, standard library only, exact fractions.

Usage: baseline.py REGISTER CYCLE LOCATIONS [--detail]
Prints the total opgave and the lid-3 grant total (cents) for comparison;
with --detail one line per gemeente: code, opgave, counted, duurzaam, lid-3
grant in cents (the crosscheck test compares those with spreiding).
"""
import csv
import sys
from collections import defaultdict
from datetime import date
from fractions import Fraction

register, cycle, locations = sys.argv[1:4]
gem = {r["gemeentecode"]: r for r in csv.DictReader(open(register, encoding="utf-8"))}
params = {r["parameter"]: r["waarde"] for r in csv.DictReader(open(cycle, encoding="utf-8"))}
peil = date.fromisoformat(params["peildatum"])
tariff_d = int(Fraction(params["tarief.lid3.duurzaam"]) * 100)
tariff_n = int(Fraction(params["tarief.lid3.niet-duurzaam"]) * 100)

# provincial mode: each official opgave by largest remainder over inwoners
members = defaultdict(list)
for code, r in gem.items():
    members[r["provinciecode"]].append(code)
opgave = {}
for prov, codes in members.items():
    total = int(params[f"provincie.{prov}.opgave"])
    weight = sum(int(gem[c]["inwoners"]) for c in codes)
    quota = {c: Fraction(total * int(gem[c]["inwoners"]), weight) for c in codes}
    floor = {c: q.numerator // q.denominator for c, q in quota.items()}
    left = total - sum(floor.values())
    order = sorted(codes, key=lambda c: (-(quota[c] - floor[c]), -int(gem[c]["inwoners"]), c))
    for c in order[:left]:
        floor[c] += 1
    opgave.update(floor)

# The counting parameters of the cycle (rekenregels §4): a counted place must
# last until beschikbaar-tot, only duurzame places may count, a minimum size.
until = params.get("beschikbaar-tot", "")
until = date.fromisoformat(until) if until and until != "geen" else None
only_duurzaam = params.get("telt-alleen-duurzaam", "nee") == "ja"
minimum = int(params.get("minimum-plaatsen", "0") or 0)
counted, duurzaam = defaultdict(int), defaultdict(int)
for r in csv.DictReader(open(locations, encoding="utf-8")):
    if r["soort"] == "nood" or r["status"] in ("gepland", "afgewezen", "ingetrokken"):
        continue
    vanaf = date.fromisoformat(r["vanaf"])
    tot = date.fromisoformat(r["tot"]) if r["tot"] else None
    if vanaf > peil or (tot and tot <= peil):
        continue
    try:
        five = vanaf.replace(year=vanaf.year + 5)
    except ValueError:
        five = vanaf.replace(year=vanaf.year + 5, day=28)
    lasting = tot is None or tot >= five
    n = int(r["plaatsen"])
    if (until and tot and tot < until) or (only_duurzaam and not lasting) or n < minimum:
        continue
    counted[r["gemeentecode"]] += n
    if lasting:
        duurzaam[r["gemeentecode"]] += n

prov_opgave, prov_counted = defaultdict(int), defaultdict(int)
for code, r in gem.items():
    prov_opgave[r["provinciecode"]] += opgave[code]
    prov_counted[r["provinciecode"]] += counted[code]
lid3 = {}
for code, r in gem.items():
    p = r["provinciecode"]
    eligible = counted[code] and 100 * prov_counted[p] >= 75 * prov_opgave[p]
    amount = duurzaam[code] * tariff_d + (counted[code] - duurzaam[code]) * tariff_n
    lid3[code] = amount if eligible else 0
if "--detail" in sys.argv:
    for code in sorted(gem):
        print(code, opgave[code], counted[code], duurzaam[code], lid3[code])
else:
    print(sum(opgave.values()), sum(lid3.values()))
