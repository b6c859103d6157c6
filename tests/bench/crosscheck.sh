#!/bin/sh
# spreiding against an independent implementation: tests/bench/baseline.py
# (Python, standard library, exact fractions) re-derives the opgave, the
# counted and duurzame places and the lid-3 grant of every gemeente for a
# generated locations file; both must agree on all 342.
# Usage: crosscheck.sh SPREIDING GEN SOURCE-DIR
set -u
bin=$1 gen=$2 src=$3
command -v python3 >/dev/null 2>&1 || { echo "SKIP: no python3"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$gen" 20000 "$src/data/gemeenten-2024.csv" >"$tmp/loc.csv" || exit 1
python3 "$src/tests/bench/baseline.py" "$src/data/gemeenten-2024.csv" \
    "$src/data/cyclus-2024.csv" "$tmp/loc.csv" --detail >"$tmp/python" || exit 1
"$bin" progress --cycle 2024 --locaties "$tmp/loc.csv" -f csv >"$tmp/progress.csv" || exit 1
"$bin" grants --cycle 2024 --locaties "$tmp/loc.csv" -f json >"$tmp/grants.json" || exit 1
# gemeentecode opgave geteld duurzaam (progress CSV columns 1, 5, 7, 9; names may hold commas)
python3 - "$tmp/progress.csv" "$tmp/grants.json" >"$tmp/spreiding" <<'PY'
import csv, json, sys
lid3 = {g["gemeentecode"]: g["bedrag_lid3_cent"] for g in json.load(open(sys.argv[2]))["gemeenten"]}
for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")):
    print(r["gemeentecode"], r["opgave"], r["geteld"], r["duurzaam"], lid3[r["gemeentecode"]])
PY
if cmp -s "$tmp/python" "$tmp/spreiding"; then
    echo "342 gemeenten agree"
    echo "1 passed, 0 failed"
else
    diff "$tmp/python" "$tmp/spreiding" | head -20
    echo "0 passed, 1 failed"
    exit 1
fi
