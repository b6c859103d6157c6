#!/bin/sh
# CLI tests: run the built binary on fixtures and compare whole outputs byte
# for byte, exit codes and messages; check that bad input writes nothing.
# Usage: run.sh SPREIDING TESTDIR
set -u
bin=$1
cd "$2" || exit 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0

ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "FAIL: $*"; }

# same NAME EXPECTED-FILE -- ARGS...: stdout must equal the file, exit 0.
same() {
    name=$1 expected=$2
    shift 3
    "$bin" "$@" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    if [ $rc -ne 0 ]; then
        ko "$name: exit $rc"; cat "$tmp/err"
    elif ! cmp -s "$tmp/out" "$expected"; then
        ko "$name: output differs"; diff "$expected" "$tmp/out" | head -20
    else
        ok
    fi
}

# fails NAME CODE EXPECTED-STDERR -- ARGS...: exit CODE, stderr exactly as
# given, nothing on stdout, and the -o file is not created.
fails() {
    name=$1 code=$2 expected=$3
    shift 4
    rm -f "$tmp/report"
    "$bin" "$@" -o "$tmp/report" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    printf '%s\n' "$expected" >"$tmp/want"
    if [ $rc -ne "$code" ]; then
        ko "$name: exit $rc, expected $code"; cat "$tmp/err"
    elif ! cmp -s "$tmp/err" "$tmp/want"; then
        ko "$name: message differs"; diff "$tmp/want" "$tmp/err"
    elif [ -s "$tmp/out" ] || [ -e "$tmp/report" ] || ls -A "$tmp" | grep -q '^\.spreiding-'; then
        ko "$name: wrote output"
    else
        ok
    fi
}

F="--cycle-file fixtures/cyclus.csv"

same provincial expected/allocate.csv -- allocate $F --gemeenten fixtures/gemeenten.csv -f csv
same excel-register expected/allocate.csv -- allocate $F --gemeenten fixtures/gemeenten-excel.csv -f csv
same national-lr expected/allocate-national-lr.csv -- allocate $F --gemeenten fixtures/gemeenten.csv \
    --mode national --afronding largest-remainder --capaciteit 11 -f csv
same provincies expected/allocate-provincies.csv -- allocate $F --gemeenten fixtures/gemeenten.csv \
    -f csv --provincies
cat fixtures/gemeenten.csv | {
    "$bin" allocate $F --gemeenten - -f csv >"$tmp/out" 2>&1 && cmp -s "$tmp/out" expected/allocate.csv
} && ok || ko "register from stdin"

# -o writes the same bytes, atomically, and replaces an older report.
echo old >"$tmp/a.csv"
"$bin" allocate $F --gemeenten fixtures/gemeenten.csv -f csv -o "$tmp/a.csv" >"$tmp/out" 2>&1 &&
    cmp -s "$tmp/a.csv" expected/allocate.csv && [ ! -s "$tmp/out" ] && ok || ko "-o file"

fails bad-number 65 "spreiding: fixtures/bad-number.csv:4:4: column 'inwoners': value '1e5' is not a whole number" -- \
    allocate $F --gemeenten fixtures/bad-number.csv
fails bad-ragged 65 "spreiding: fixtures/bad-ragged.csv:3:5: record has 5 fields, the header has 4
spreiding: fixtures/bad-ragged.csv:4:4: column 'inwoners': value '1e5' is not a whole number" -- \
    allocate $F --gemeenten fixtures/bad-ragged.csv
fails duplicate 65 "spreiding: fixtures/bad-duplicate.csv:6:1: column 'gemeentecode': gemeentecode GM0001 appears twice: on line 2 and on line 6" -- \
    allocate $F --gemeenten fixtures/bad-duplicate.csv
# A code that is not in the register is skipped (rekenregels §7.12).
same ses-unknown-skipped expected/allocate-ses.csv -- allocate $F --gemeenten fixtures/gemeenten.csv \
    --ses fixtures/ses-unknown-code.csv -f csv
fails empty 65 "spreiding: fixtures/empty.csv:1:1: file is empty" -- \
    allocate $F --gemeenten fixtures/empty.csv
fails missing 66 "spreiding: fixtures/nope.csv: cannot open: No such file or directory" -- \
    allocate $F --gemeenten fixtures/nope.csv
fails afronding-provincial 64 "spreiding: --afronding applies to --mode national only: the provincial mode always divides each provinciale opgave by largest remainder" -- \
    allocate $F --afronding half-up
fails capaciteit-provincial 64 "spreiding: --capaciteit changes the national total, which the provincial mode does not use (it divides the official provinciale opgaven); add --mode national" -- \
    allocate $F --gemeenten fixtures/gemeenten.csv --capaciteit 20
fails bad-policy 64 "spreiding: --mode: 'regional' is not one of national|provincial" -- \
    allocate --mode regional
fails bad-option 64 "spreiding: unknown option '--frobnicate' (try 'spreiding allocate --help')" -- \
    allocate --frobnicate
fails empty-kolom 64 "spreiding: --kolom: the value is empty" -- allocate --kolom ""
# A download's unnamed trailing columns are not listed as choices.
printf 'gemeentecode,iets,,,\nGM0001,1\n' >"$tmp/unnamed.csv"
fails unnamed-columns-unlisted 65 "spreiding: $tmp/unnamed.csv:1:1: no column holds the SES-WOA score by a name this program knows; name it with --kolom TITLE; the columns are: 'gemeentecode', 'iets'" -- \
    allocate $F --gemeenten fixtures/gemeenten.csv --ses "$tmp/unnamed.csv"
fails bad-provincie 64 "spreiding: --provincie: 'Gamma' is not a province code or name of cycle 2024: PV20 Alfa, PV21 Beta" -- \
    allocate $F --gemeenten fixtures/gemeenten.csv --provincie Gamma

# A failed run leaves an existing report as it was.
echo keep >"$tmp/keep.csv"
"$bin" allocate $F --gemeenten fixtures/bad-number.csv -o "$tmp/keep.csv" 2>/dev/null
[ $? -eq 65 ] && [ "$(cat "$tmp/keep.csv")" = keep ] && ok || ko "failed run kept the old report"

# The embedded cycle 2024: 342 gemeenten whose opgaven add up to the official
# provincial figures (rekenregels §6) and to 96 000.
"$bin" allocate --cycle 2024 -f json >"$tmp/json" 2>&1 && ok || ko "embedded allocate"
"$bin" allocate --cycle 2024 -f csv --provincies >"$tmp/prov" 2>&1
printf '%s\n' "provinciecode,provincie,gemeenten,inwoners,opgave,opgave_amv" \
    "PV20,Groningen,10,601347,2715," "PV21,Fryslân,18,661904,3391," "PV22,Drenthe,12,504129,2691," \
    "PV23,Overijssel,25,1189033,6325,538" "PV24,Flevoland,6,450826,2441," \
    "PV25,Gelderland,51,2149071,11704,992" "PV26,Utrecht,26,1400057,8207," \
    "PV27,Noord-Holland,44,2976487,16290,1380" "PV28,Zuid-Holland,50,3840460,19776," \
    "PV29,Zeeland,13,391634,2109,180" "PV30,Noord-Brabant,56,2644739,14689,1247" \
    "PV31,Limburg,31,1133255,5662,480" >"$tmp/want"
# The amv column of provinces without an official figure is a sum of half-up
# roundings, so only the provinces with official figures are compared there.
cut -d, -f1-5 "$tmp/prov" >"$tmp/p5"
cut -d, -f1-5 "$tmp/want" >"$tmp/w5"
cmp -s "$tmp/p5" "$tmp/w5" && ok || { ko "embedded provincial opgaven"; diff "$tmp/w5" "$tmp/p5"; }
grep -E '^PV(23|25|27|29|30|31),' "$tmp/prov" >"$tmp/pa"
grep -E '^PV(23|25|27|29|30|31),' "$tmp/want" >"$tmp/wa"
cmp -s "$tmp/pa" "$tmp/wa" && ok || { ko "embedded official amv"; diff "$tmp/wa" "$tmp/pa"; }
rows=$("$bin" allocate --cycle 2024 -f csv | wc -l)
[ "$rows" -eq 343 ] && ok || ko "embedded: $rows lines, expected 343"
"$bin" allocate --cycle 2024 --mode national --afronding largest-remainder -f json |
    grep -q '"totaal_opgave": 96000,' && ok || ko "national largest-remainder sums to 96000"

# Cycle 2026 is the default (rekenregels §7.18): no provincial opgaven, so the
# national mode; C = 88 000 over the population of 1-1-2025 (18 044 027),
# half-up. Worked out from data/gemeenten-2026.csv with exact fractions:
# Amsterdam 934 526 → 4 557.646 → 4 558; Schiermonnikoog 971 → 4.736 → 5;
# the opgaven add up to 88 003. No amv part: the amv column stays empty.
"$bin" allocate -f csv >"$tmp/out" 2>&1
grep -qx 'GM0363,Amsterdam,PV27,Noord-Holland,934526,,934526,4557.6460,4558,' "$tmp/out" &&
    grep -qx 'GM0088,Schiermonnikoog,PV21,Fryslân,971,,971,4.7355,5,' "$tmp/out" &&
    [ "$(wc -l <"$tmp/out")" -eq 343 ] && ok || ko "cycle 2026 is the default"
"$bin" allocate -f json | grep -q '"totaal_opgave": 88003,' && ok || ko "cycle 2026 adds up to 88 003"
"$bin" allocate | grep -q 'geen provinciale opgaven' && ok || ko "cycle 2026 says what it lacks"
"$bin" allocate --afronding largest-remainder -f json | grep -q '"totaal_opgave": 88000,' &&
    ok || ko "--afronding needs no --mode national when the cycle has no provincial opgaven"
fails grants-2026 65 "spreiding: embedded:cyclus-2026.csv: cycle 2026 has no tarief.lid3.duurzaam, tarief.lid3.niet-duurzaam, tarief.lid2b.duurzaam, lid2b-minimum: the grants cannot be computed without them; write the cycle file with 'spreiding cycle --cycle 2026 -o cyclus.csv', fill them in once published, and give it with --cycle-file cyclus.csv
spreiding: the built-in cycles with their tariffs: 2024 (--cycle YEAR)" -- \
    grants --locaties ../../data/voorbeeld-locaties-2024.csv
# --kso on a timeline: at every date the realised small-scale places and
# locations equal the kso overview's class gerealiseerd on that date.
KT="--cycle 2024 --locaties fixtures/kso-locaties-2024.csv"
"$bin" progress $KT --tijdlijn 2024-01-01:2025-07-01:6m --kso --provincies -f csv >"$tmp/tl" 2>&1
for d in 2024-01-01 2024-07-01 2025-01-01 2025-07-01; do
    "$bin" kso $KT --peildatum $d -f csv | awk -F, -v d=$d 'NR > 1 { print d "," $1 "," $10 "," $5 }' >"$tmp/want"
    awk -F, -v d=$d '$1 == d { print $1 "," $2 "," $8 "," $9 }' "$tmp/tl" >"$tmp/got"
    [ "$(wc -l <"$tmp/got")" -eq 12 ] && cmp -s "$tmp/want" "$tmp/got" && ok ||
        { ko "--kso on the timeline at $d"; diff "$tmp/want" "$tmp/got" | head -5; }
done
# For people, the province table shows the first date and every date at
# which a province changes: what it counts, its test, or (with --kso) its
# small-scale places or locations. The rows expected are derived from the
# CSV form, which lists every date.
awk -F, 'NR > 1 { k = $2 "," $5 "," $7 "," $8 "," $9; if (last[$2] != k) print; last[$2] = k }' "$tmp/tl" |
    awk -F, '{ print $2 "," $5 "," $8 "," $9 }' >"$tmp/want"
"$bin" progress $KT --tijdlijn 2024-01-01:2025-07-01:6m --kso --provincies -f md |
    awk -F' [|] ' '/^## Provincies per peildatum/ { on = 1 } /^## Parameters/ { on = 0 }
        on && /^[|] [0-9]/ { gsub(/[.]/, "", $5); gsub(/ [|]$/, "", $9); print $2 "," $5 "," $8 "," $9 }' >"$tmp/got"
[ "$(wc -l <"$tmp/got")" -gt 12 ] && cmp -s "$tmp/want" "$tmp/got" && ok ||
    { ko "--kso on the timeline for people: a change of small-scale places is a row"; diff "$tmp/want" "$tmp/got" | head -5; }
fails kso-needs-tijdlijn 64 "spreiding: --kso adds small-scale reception to a timeline: it needs --tijdlijn (for one date, see 'spreiding kso')" -- \
    progress $KT --kso

# A figure the cycle lacks is a data error (65) that says where to supply it.
fails provincial-2026 65 "spreiding: embedded:cyclus-2026.csv:21:1: column 'parameter': mode provincial needs the official opgave of every province, and PV20 has none: fill provincie.PV20.opgave in a cycle file ('spreiding cycle --cycle 2026 -o cyclus.csv') and give it with --cycle-file, or use --mode national" -- \
    allocate --mode provincial
# Names as people type them: a province or gemeente slightly misspelt gets
# a did-you-mean, a gemeente may be named instead of coded, a cycle not
# built in lists the ones that are, a fraction for a percentage is said.
fails provincie-typo 64 "spreiding: --provincie: 'Zeland' is not a province of cycle 2024; did you mean Zeeland?" -- \
    progress --cycle 2024 --locaties ../../data/voorbeeld-locaties-2024.csv --provincie Zeland
fails explain-typo 64 "spreiding: explain: 'Amsterdm' is not a gemeente of the register; did you mean Amsterdam?" -- \
    explain Amsterdm --cycle 2024
"$bin" explain amsterdam --cycle 2024 -f csv --tabel berekening >"$tmp/a" 2>&1 &&
    "$bin" explain GM0363 --cycle 2024 -f csv --tabel berekening >"$tmp/b" 2>&1 && cmp -s "$tmp/a" "$tmp/b" &&
    ok || ko "explain by name"
"$bin" progress --cycle 2024 --locaties ../../data/voorbeeld-locaties-2024.csv --what-if Amsterdam=+50 -f csv >"$tmp/a" 2>&1 &&
    grep -q '^GM0363,Amsterdam,PV27,Noord-Holland,5097,432,50,0,50,-5047,what-if GM0363=+50$' "$tmp/a" &&
    ok || { ko "--what-if by name"; grep GM0363 "$tmp/a" | head -2; }
fails cycle-not-built-in 64 "spreiding: no embedded file cyclus-2025.csv: the cycles built in are 2024, 2026; for another, give its files with --cycle-file (and --gemeenten)" -- \
    allocate --cycle 2025
fails drempel-fraction 64 "spreiding: --drempel: '0,75' is not a whole number (a whole percentage: 75 for 75 %)" -- \
    progress --cycle 2024 --locaties ../../data/voorbeeld-locaties-2024.csv --drempel 0,75
# spreiding cycle writes the embedded file; read back, it gives the same results.
for y in 2024 2026; do
    "$bin" cycle --cycle $y -o "$tmp/c$y.csv" && "$bin" allocate --cycle-file "$tmp/c$y.csv" -f csv >"$tmp/a" &&
        "$bin" allocate --cycle $y -f csv >"$tmp/b" && cmp -s "$tmp/a" "$tmp/b" && ok || ko "cycle $y template"
done
cmp -s "$tmp/c2026.csv" ../../data/cyclus-2026.csv && ok || ko "spreiding cycle writes the embedded file"

# progress, grants, explain on the hand-worked locations (tests/README.md).
L="$F --gemeenten fixtures/gemeenten.csv --locaties fixtures/locaties.csv"
same progress expected/progress.csv -- progress $L -f csv
same progress-provincies expected/progress-provincies.csv -- progress $L -f csv --provincies
same grants expected/grants.csv -- grants $L -f csv
same grants-provincies expected/grants-provincies.csv -- grants $L -f csv --provincies
same grants-budget expected/grants-budget.csv -- grants $L --lid3-grondslag budget --budget PV20=1000,01 -f csv
same progress-opgave expected/progress-opgave.csv -- progress $L --opgave fixtures/opgave.csv -f csv
same progress-opgave-provincies expected/progress-opgave-provincies.csv -- \
    progress $L --opgave fixtures/opgave.csv -f csv --provincies
"$bin" grants $L --lid3 per-gemeente -f csv | grep -q '^GM0004,B1,PV21,Beta,3,3,0.600000,ja,12000.00,12000.00,0.00,12000.00$' &&
    ok || ko "per-gemeente pays a contributor below the threshold"
"$bin" grants $L --what-if GM0004=+1 -f csv --provincies >"$tmp/out" 2>&1
grep -q '^PV21,Beta,7,6,ja,0,,24000.00,24000.00,0.00,24000.00,what-if GM0004=+1$' "$tmp/out" && ok || ko "what-if lifts PV21 over 75%"
"$bin" grants $L --what-if GM0004=+1 | head -1 | grep -q '^SCENARIO' && ok || ko "what-if marks a scenario"
"$bin" progress $L --include-planned -f csv | grep -q '^GM0002,A2,PV20,Alfa,3,1,12,0,10,9,include-planned$' &&
    ok || ko "--include-planned counts planned places"
"$bin" progress $L --peildatum 2025-07-02 -f csv | grep -q '^GM0005,B2,PV21,Beta,3,1,6,2,6,3$' &&
    ok || ko "--peildatum moves the count"
"$bin" progress $L --aanmeld-telt nee -f csv | grep -q '^GM0004,B1,PV21,Beta,4,1,0,0,0,-4$' &&
    ok || ko "--aanmeld-telt nee"
"$bin" progress $L --duurzaam-jaren 6 -f csv | grep -q '^GM0005,B2,PV21,Beta,3,1,2,2,0,-1$' &&
    ok || ko "--duurzaam-jaren 6 makes a 5-year location not duurzaam"
"$bin" progress $L --drempel 70 -f csv --provincies | grep -q '^PV21,Beta,7,5,71.42,ja,0,2$' &&
    ok || ko "--drempel 70"
"$bin" explain GM0005 $L -f csv >"$tmp/out" 2>&1 && ok || ko "explain runs"
"$bin" explain GM0005 $L -f md >>"$tmp/out" 2>&1
for line in 'verdeling,quotum (exact),14/5,te verdelen × gewicht / som gewichten' \
    'verdeling,quotum naar beneden,2,rest 4/5' \
    'verdeling,rangorde rest,1 van 2,"de 1 grootste resten krijgen een restplaats (gelijke resten: groter gewicht, dan lagere code)"' \
    'provincie,drempel_gehaald,nee,100 × 5 = 500 < 75 × 7 = 525' \
    'provincie,tekort_75,1,"max(0, plafond(75 × 7 / 100) - 5)"' \
    'uitkering,potentieel_lid3,8000.00,"per plaats (per-plaats): 2 duurzaam × € 4.000,00 + 0 niet duurzaam × € 1.500,00 (tarieven gerapporteerd, test)"' \
    'uitkering,bedrag_lid2b,0.00,"0: 2 duurzame plaatsen, minder dan het minimum 100"' \
    '| 8 | Amv Vijf | 2 | 2 | amv | toegezegd | 1-7-2025 | 1-7-2030 | ja | ja | telt mee | ja | toegezegd | ja: amv met 2 plaatsen, ten hoogste 100 (kso-max-plaatsen) |' \
    '| 9 | Later Vijf | 4 | 0 | regulier | toegezegd | 2-7-2025 |  | nee | ja | telt niet: begint na de peildatum | ja | toegezegd | ja: regulier met 4 plaatsen, ten hoogste 100 (kso-max-plaatsen) |'; do
    grep -qxF "$line" "$tmp/out" && ok || ko "explain lacks: $line"
done
fails bad-locaties 65 "spreiding: fixtures/bad-locaties.csv:2:3: column 'plaatsen': value '0' is not a positive number of places
spreiding: fixtures/bad-locaties.csv:3:1: column 'gemeentecode': value 'GM0363' is not a gemeente of the register (merged or misspelt?)
spreiding: fixtures/bad-locaties.csv:4:4: column 'amv_plaatsen': value '6' is more than plaatsen
spreiding: fixtures/bad-locaties.csv:5:5: column 'soort': value 'hotel' is not regulier, amv, bijzonder, aanmeld or nood
spreiding: fixtures/bad-locaties.csv:6:6: column 'vanaf': value '2025-02-30' is not a date that exists
spreiding: fixtures/bad-locaties.csv:7:7: column 'tot': value '2024-01-01' is not after vanaf
spreiding: fixtures/bad-locaties.csv:8:8: column 'status': value 'klaar' is not gerealiseerd, toegezegd, gepland, afgewezen or ingetrokken" -- \
    grants $F --gemeenten fixtures/gemeenten.csv --locaties fixtures/bad-locaties.csv
fails no-locaties 64 "spreiding: progress needs --locaties FILE" -- progress $F
fails opgave-and-mode 64 "spreiding: --opgave gives the opgave per gemeente, so allocation options (--mode, --weging, --afronding, --amv-afronding, --ses-ontbrekend, --capaciteit, --amv) have no effect with it" -- \
    progress $L --opgave fixtures/opgave.csv --mode national
fails explain-unknown 64 "spreiding: explain: 'GM9999' is not a gemeente of the register (give its code, GMxxxx, or its name)" -- explain GM9999 $L
fails bad-budget 64 "spreiding: --budget: 'Gamma' is not a province code or name" -- grants $L --budget Gamma=5

# Timelines (tests/README.md, "Timeline"): Beta crosses 75 % in April, falls
# below on 1 May when a location ends on that step date, meets it again in June.
T="$F --gemeenten fixtures/gemeenten.csv --locaties fixtures/locaties-tijdlijn.csv --tijdlijn 2025-01-01:2025-06-01"
same tijdlijn-provincies expected/tijdlijn-provincies.csv -- progress $T -f csv --provincies
same tijdlijn-gemeenten expected/tijdlijn-gemeenten.csv -- progress $T -f csv --gemeente GM0005 --gemeente 4
same tijdlijn-verloop expected/tijdlijn-verloop.csv -- progress $T -f csv --tabel verloop
# Every step equals a single run with --peildatum.
for d in 2025-03-01 2025-04-01 2025-05-01; do
    "$bin" progress $T -f csv --provincies | grep "^$d," | cut -d, -f2-7 >"$tmp/a"
    "$bin" progress $F --gemeenten fixtures/gemeenten.csv --locaties fixtures/locaties-tijdlijn.csv \
        --peildatum $d -f csv --provincies | tail -n +2 | cut -d, -f1-6 >"$tmp/b"
    [ -s "$tmp/a" ] && cmp -s "$tmp/a" "$tmp/b" && ok || { ko "timeline step $d differs from a single run"; diff "$tmp/a" "$tmp/b"; }
done
"$bin" progress $T --what-if GM0005=+2 -f csv --provincies | grep -qx '2025-01-01,PV21,Beta,7,6,85.71,ja,what-if GM0005=+2' &&
    ok || ko "a timeline scenario carries the scenario column"
# People read the first date as between two steps: Beta held on 1 April, not on 1 March.
"$bin" progress $T | grep -q '^PV21 *Beta *7 *tussen 1-3-2025 en 1-4-2025 *1 ' && ok || ko "timeline table: first met and once below"
fails tijdlijn-and-peildatum 64 "spreiding: --tijdlijn counts at each of its dates; --peildatum names one date: give one of them" -- \
    progress $T --peildatum 2025-01-01
fails tijdlijn-reversed 64 "spreiding: --tijdlijn: FROM is after TO in '2025-06-01:2025-01-01'" -- \
    progress $F --locaties fixtures/locaties-tijdlijn.csv --tijdlijn 2025-06-01:2025-01-01
fails tijdlijn-step 64 "spreiding: --tijdlijn: STEP '2y' is not Nd, Nw or Nm (days, weeks or months, N from 1 to 10000)" -- \
    progress $F --locaties fixtures/locaties-tijdlijn.csv --tijdlijn 2025-01-01:2025-06-01:2y
fails tijdlijn-grants 64 "spreiding: --tijdlijn is not an option of grants (it is one of progress, report)" -- \
    grants $F --locaties fixtures/locaties-tijdlijn.csv --tijdlijn 2025-01-01:2025-06-01
fails gemeente-without-tijdlijn 64 "spreiding: --gemeente chooses the gemeenten of a timeline: it needs --tijdlijn (use --provincie for one province, or explain for one gemeente)" -- \
    progress $F --locaties fixtures/locaties-tijdlijn.csv --gemeente GM0001
fails gemeente-unknown 64 "spreiding: --gemeente: 'GM9999' is not a gemeente of the register" -- \
    progress $T --gemeente GM9999
fails explain-two 64 "spreiding: explain explains one gemeente at a time" -- explain GM0001 --gemeente GM0002 $F

# What changed (tests/README.md, "What changed"): GM0003's only location is
# turned down, so it loses its eligibility; a new location lifts Beta over
# 75 %, so GM0004 and GM0005 become eligible.
V="$F --gemeenten fixtures/gemeenten.csv --locaties fixtures/locaties-nieuw.csv --vergelijk fixtures/locaties-oud.csv"
same vergelijk-grants expected/vergelijk-grants.csv -- grants $V -f csv
same vergelijk-grants-provincies expected/vergelijk-grants-provincies.csv -- grants $V -f csv --provincies
same vergelijk-locaties expected/vergelijk-locaties.csv -- grants $V -f csv --tabel locaties
same vergelijk-peildatum expected/vergelijk-peildatum-provincies.csv -- progress $F --gemeenten fixtures/gemeenten.csv \
    --locaties fixtures/locaties-tijdlijn.csv --vergelijk-peildatum 2025-04-01 --peildatum 1-5-2025 -f csv --provincies
"$bin" grants $V -f json | grep -q '"bedrag_lid3_verschil_cent": -400000' && ok || ko "JSON carries _verschil_cent"
"$bin" grants $V -f json | grep -q '"sha256_oud": "'"$(sha256sum fixtures/locaties-oud.csv | cut -c1-64)"'"' &&
    ok || ko "a comparison names the old file's SHA-256"
"$bin" grants $V >"$tmp/out" 2>&1
grep -q '^Gemeenten met een wijziging (3)' "$tmp/out" && grep -q 'Ongewijzigd en niet getoond: 2 gemeenten en 0 provincies' "$tmp/out" &&
    grep -q '^provincie  PV21    Beta  PV21   drempel gehaald' "$tmp/out" && ok || ko "the table form lists status changes first"
"$bin" grants $V --alles | grep -q '^Gemeenten (5)' && ok || ko "--alles lists the unchanged gemeenten"
"$bin" grants $F --gemeenten fixtures/gemeenten.csv --locaties fixtures/locaties-oud.csv --vergelijk fixtures/locaties-oud.csv -f csv |
    tail -n +2 | cut -d, -f7,10,13,16,19,22,25 | sort -u >"$tmp/out"
[ "$(cat "$tmp/out")" = "0,0,,0.00,0.00,0.00,0.00" ] && ok || ko "a register compared with itself shows no change"
"$bin" grants $F --gemeenten fixtures/gemeenten.csv --locaties fixtures/locaties-oud.csv --vergelijk fixtures/locaties-nieuw.csv -f csv |
    grep -q '^GM0003,A3,PV20,Alfa,0,1,1,0,1,1,nee,ja,gewonnen,0.00,4000.00,4000.00,' && ok || ko "swapping the sides negates"
"$bin" grants $V --what-if GM0001=+1 -f csv | head -2 | tail -1 | grep -q ',what-if GM0001=+1$' && ok || ko "a scenario on the new side is marked"
fails alles-without-compare 64 "spreiding: --alles lists the unchanged rows of a comparison: it needs --vergelijk or --vergelijk-peildatum" -- \
    grants $F --locaties fixtures/locaties-oud.csv --alles
fails vergelijk-and-tijdlijn 64 "spreiding: --tijdlijn and --vergelijk/--vergelijk-peildatum are separate questions: ask them in two runs" -- \
    progress $T --vergelijk fixtures/locaties-oud.csv
fails vergelijk-missing 66 "spreiding: fixtures/nope.csv: cannot open: No such file or directory" -- \
    grants $F --gemeenten fixtures/gemeenten.csv --locaties fixtures/locaties-nieuw.csv --vergelijk fixtures/nope.csv

# The shipped example (data/voorbeeld-locaties-2024.csv) on the embedded cycle:
# province lines and a few gemeenten, worked out in tests/README.md.
V="--cycle 2024 --locaties ../../data/voorbeeld-locaties-2024.csv"
same voorbeeld-grants-provincies expected/voorbeeld-grants-provincies.csv -- grants $V -f csv --provincies
"$bin" grants $V -f csv >"$tmp/out" 2>&1
for line in 'GM0687,Middelburg (Z.),PV29,Zeeland,600,600,0.363636,ja,2400000.00,2400000.00,1500000.00,3900000.00' \
    'GM0718,Vlissingen,PV29,Zeeland,500,0,0.303030,ja,750000.00,750000.00,0.00,750000.00' \
    'GM1676,Schouwen-Duiveland,PV29,Zeeland,0,0,0.000000,nee,0.00,0.00,0.00,0.00' \
    'GM1950,Westerwolde,PV20,Groningen,800,800,0.666667,nee,0.00,3200000.00,2000000.00,2000000.00'; do
    grep -qxF "$line" "$tmp/out" && ok || ko "voorbeeld grants lacks: $line"
done
"$bin" progress $V -f csv | grep -qE '^GM0344,Utrecht,PV26,Utrecht,[0-9]+,[0-9]*,450,0,450,' &&
    ok || ko "voorbeeld: an azc that ended before the peildatum does not count"
"$bin" explain GM0664 $V >/dev/null 2>&1 && ok || ko "voorbeeld explain"
# Weekly from Monday 1-1-2024 the last step is Monday 30-6-2025; the range
# still ends at TO, the cycle's peildatum 1-7-2025. Zeeland crosses 75 % when
# Terneuzen starts on 1-1-2025: the steps see it between 30-12-2024 and
# 6-1-2025 (tests/README.md, "The shipped example").
WK="$V --tijdlijn 2024-01-01:2025-07-01:1w"
[ "$("$bin" progress $WK -f csv --provincies | cut -d, -f1 | uniq | tail -n 2 | tr '\n' ' ')" = \
    "2025-06-30 2025-07-01 " ] && ok || ko "a timeline's last step is TO"
"$bin" progress $WK -f csv --tabel verloop | grep -qx 'PV29,Zeeland,2109,2025-01-06,0,1650,78.23,ja,0' &&
    ok || ko "timeline CSV: the first step at which the threshold held"
"$bin" progress $WK --provincie Zeeland | grep -q '^PV29 *Zeeland *2.109 *tussen 30-12-2024 en 6-1-2025 ' &&
    ok || ko "timeline for people: first met between two steps"

# Determinism: the same inputs in another row order, or under another locale,
# give byte-identical output.
{ head -n 1 ../../data/gemeenten-2024.csv; tail -n +2 ../../data/gemeenten-2024.csv | sort -r; } >"$tmp/reg-rev.csv"
{ head -n 1 ../../data/voorbeeld-locaties-2024.csv; tail -n +2 ../../data/voorbeeld-locaties-2024.csv | sort -r; } >"$tmp/loc-rev.csv"
for args in "allocate --cycle 2024 -f csv" "grants -f csv" "grants -f csv --provincies" "progress -f csv"; do
    case $args in allocate*) la= lb= ;; *) la=$V lb="--cycle 2024 --locaties $tmp/loc-rev.csv" ;; esac
    # shellcheck disable=SC2086
    "$bin" $args --gemeenten ../../data/gemeenten-2024.csv $la >"$tmp/a" 2>&1 &&
        "$bin" $args --gemeenten "$tmp/reg-rev.csv" $lb >"$tmp/b" 2>&1 &&
        [ "$(wc -l <"$tmp/a")" -gt 10 ] && cmp -s "$tmp/a" "$tmp/b" && ok || ko "row order changes: $args"
done
LC_ALL=C "$bin" grants $V -f json >"$tmp/a" 2>&1 &&
    LC_ALL=nl_NL.UTF-8 LANG=nl_NL.UTF-8 "$bin" grants $V -f json >"$tmp/b" 2>&1 &&
    grep -q '"bedrag_lid3_cent": 240000000' "$tmp/a" && cmp -s "$tmp/a" "$tmp/b" &&
    ok || ko "the locale changes the output"

# -f xlsx, read back with openpyxl where Debian's python3-openpyxl is there.
if /usr/bin/python3 -c 'import openpyxl' 2>/dev/null && "$bin" --version >/dev/null; then
    for kind in allocate progress grants scenario; do
        case $kind in
        allocate) cmd="allocate --cycle 2024" ;;
        scenario) cmd="grants $V --what-if GM0014=+50" ;;
        *) cmd="$kind $V" ;;
        esac
        # shellcheck disable=SC2086
        "$bin" $cmd -f xlsx -o "$tmp/$kind.xlsx" 2>"$tmp/err" &&
            /usr/bin/python3 check_xlsx.py "$kind" "$tmp/$kind.xlsx" >/dev/null 2>&1 &&
            ok || { ko "xlsx $kind"; cat "$tmp/err"; /usr/bin/python3 check_xlsx.py "$kind" "$tmp/$kind.xlsx"; }
    done
else
    echo "SKIP: xlsx read-back (no python3-openpyxl)"
fi
"$bin" allocate -f xlsx >"$tmp/out" 2>"$tmp/err"
[ $? -eq 64 ] && [ ! -s "$tmp/out" ] &&
    [ "$(cat "$tmp/err")" = "spreiding: -f xlsx writes a file: give it with -o FILE.xlsx" ] &&
    ok || ko "xlsx to stdout is a usage error"

# The man page names every command and every long option, and renders
# without warnings.
sed 's/\\-/-/g' ../../src/cli/spreiding.1 >"$tmp/man"
grep -o '^    {"[a-z0-9-]*", ' ../../src/cli/options.c | cut -d'"' -f2 | sort -u >"$tmp/table"
for word in allocate progress grants explain report sweep kso map cycle $(cat "$tmp/table"); do
    grep -q -- "--$word\\|^\\.B $word\\|^\\.B[IR]* $word" "$tmp/man" && ok || ko "the man page lacks $word"
done
# ... and documents no option the table does not have.
grep -o -- '--[a-z][a-z0-9-]*' "$tmp/man" | sed 's/^--//' | sort -u >"$tmp/documented"
printf 'version\n' | sort -u - "$tmp/table" >"$tmp/known" # --version is the program's
comm -23 "$tmp/documented" "$tmp/known" >"$tmp/unknown"
[ ! -s "$tmp/unknown" ] && ok || { ko "the man page documents options the table lacks:"; cat "$tmp/unknown"; }
# Every command's --help is printed from the table, with the exit codes.
for cmd in allocate progress grants explain report sweep kso map cycle; do
    "$bin" "$cmd" --help >"$tmp/help" 2>&1 || ko "$cmd --help"
    grep -q -- "--help" "$tmp/help" && grep -q "Exit codes:" "$tmp/help" && ok || ko "$cmd --help lacks its frame"
done
if command -v man >/dev/null 2>&1; then
    MANWIDTH=80 man --warnings -l ../../src/cli/spreiding.1 2>"$tmp/err" >"$tmp/out"
    [ ! -s "$tmp/err" ] && grep -q "EXIT STATUS" "$tmp/out" && ok || { ko "man page"; cat "$tmp/err"; }
fi

# sweep: the classic Alabama paradox (weights 6, 6, 2; tests/README.md).
A="$F --gemeenten fixtures/alabama.csv --afronding largest-remainder --capaciteit 9:12"
same sweep-alabama expected/sweep-alabama.csv -- sweep $A --gemeenten-detail -f csv
same sweep-alabama-paradoxen expected/sweep-alabama-paradoxen.csv -- sweep $A -f csv --tabel paradoxen
"$bin" sweep $F --gemeenten fixtures/alabama.csv --capaciteit 9:12 -f csv --tabel paradoxen >"$tmp/out" 2>&1 &&
    [ "$(wc -l <"$tmp/out")" -eq 1 ] && ok || ko "half-up has no Alabama paradox here"
fails sweep-bad-range 64 "spreiding: --capaciteit: '12:9x' is not FROM:TO[:STEP]" -- sweep --capaciteit 12:9x
fails sweep-reversed 64 "spreiding: the range needs 0 <= FROM <= TO and STEP >= 1" -- sweep --capaciteit 12:9
fails sweep-provincial 64 "spreiding: a sweep divides each capacity of its range over all gemeenten: it takes neither --mode provincial nor --capaciteit N" -- \
    sweep --capaciteit 1:5 --mode provincial

# spreiding map: a valid SVG with every shape once by its code, coloured by
# the exact test, each kind of map in a palette of its own (the threshold:
# orange hatched, green #7fbf7b, dark green #1b7837; voortgang per gemeente:
# Blues #eff3ff #bdd7e7 #6baed6 #3182bd #08519c; money: YlOrBr #ffffd4
# #fed98e #fe9929 #d95f0e #993404), and a legend of only the classes drawn.
# In the shipped example Zeeland counts 1 650 of 2 109: 100 × 1 650 = 165 000
# ≥ 75 × 2 109 = 158 175 and 1 650 < 2 109, so class 1 (threshold met);
# Groningen 1 200 of 2 715: 120 000 < 203 625, class 0; Fryslân 0 of 3 391,
# class 0; no province reaches 100 %. Gemeenten by quarters of their opgave
# (4 × geteld against opgave): Groningen 400 of 1 101, 1 600 ≥ 1 101 and
# < 2 202, class 1 (36 %, not the threshold's green); Terneuzen 250 of 297,
# 1 000 ≥ 891 and < 1 188, class 3; Middelburg 600 > 269, class 4;
# Schouwen-Duiveland 0, class 0; none from 50 to 75 %.
# Money (art. 9 totaal; tariffs € 4 000 duurzaam, € 1 500 other, lid 2b
# € 2 500 a place, only Zeeland met): Zeeland 1 950 000 + 3 900 000 +
# 1 625 000 + 750 000 = 8 225 000, Groningen 1 000 000 + 2 000 000, Utrecht
# 875 000 + 1 125 000, the others 0. Bands of a round step, the smallest of
# 1, 2, 2,5 and 5 × 10^k euros with 4 × step > 8 225 000: 2 500 000, four
# bands; Zeeland band 3 (class 4), Groningen band 1 (class 2), Utrecht band 0
# (class 1), € 0 its own class 0; no province in band 2. Per gemeente the
# largest is Middelburg, 3 900 000: step 1 000 000; Westerwolde 2 000 000 band
# 2 (class 3), Groningen exactly 1 000 000 band 1 (class 2), Vlissingen
# 750 000 band 0 (class 1). The opgave of cycle 2024 (without locations): the
# largest is Zuid-Holland's 19 776, 5 × 5 000 > 19 776, so four bands of
# 5 000 spread over the five blues as classes 0, 1, 3, 4 (band b: class
# ⌊(8b + 3) / 6⌋): Zuid-Holland band 3 (class 4), Gelderland 11 704 band 2
# (class 3), Utrecht 8 207 band 1 (class 1), Zeeland 2 109 band 0 (class 0).
if command -v python3 >/dev/null 2>&1; then
    "$bin" map $V -o "$tmp/nl.svg" 2>"$tmp/err" &&
        "$bin" map $V --niveau gemeente -o "$tmp/gm.svg" 2>>"$tmp/err" &&
        "$bin" map $V --provincie Zeeland -o "$tmp/pv29.svg" 2>>"$tmp/err" &&
        "$bin" map $V --maat bedrag -o "$tmp/bedrag.svg" 2>>"$tmp/err" &&
        "$bin" map $V --maat bedrag --niveau gemeente -o "$tmp/bedrag-gm.svg" 2>>"$tmp/err" &&
        "$bin" map --cycle 2024 -o "$tmp/opgave.svg" 2>>"$tmp/err" &&
        python3 - "$tmp" <<'PY' && ok || { ko "spreiding map"; cat "$tmp/err"; }
import collections, re, sys, xml.etree.ElementTree as ET
ns = "{http://www.w3.org/2000/svg}"
def shapes(name):
    root = ET.parse(f"{sys.argv[1]}/{name}").getroot()
    codes = collections.Counter()
    fill = {}
    for el in root.iter():
        code = el.get("data-code")
        if code:
            codes[code] += 1
            fill[code] = (el.get("class"), el.get("fill"))
    # The legend's entries, after its title.
    legend = ["".join(t.itertext()) for g in root.iter(ns + "g")
              if g.get("class") == "sw-legenda" for t in g.iter(ns + "text")][1:]
    return root, codes, fill, legend
def expect(got, want):
    assert got == want, (got, want)
# Standalone: a size on paper in the viewBox's proportions, 170 mm wide or 250 mm high.
root, nl, f, legend = shapes("nl.svg")
_, _, vw, vh = map(int, root.get("viewBox").split())
w, h = (float(re.fullmatch(r"(\d+\.\d)mm", root.get(k)).group(1)) for k in ("width", "height"))
assert (w == 170.0 and h <= 250.0) or (h == 250.0 and w <= 170.0), (w, h)
assert abs(w / h - vw / vh) < 0.002, (w, h, vw, vh)
assert sorted(nl) == ["PV%d" % p for p in range(20, 32)] and set(nl.values()) == {1}, nl
expect(f["PV29"], ("sw-k1", "#7fbf7b"))
expect(f["PV20"], ("sw-k0", "url(#sw-kaart-p-k0)"))
expect(f["PV21"], ("sw-k0", "url(#sw-kaart-p-k0)"))
pattern = {p.get("id"): [r.get("fill") for r in p.iter(ns + "rect")] for p in root.iter(ns + "pattern")}
expect(pattern["sw-kaart-p-k0"], ["#fdb863", "#b35806"])
expect(legend, ["minder dan 75 % (onder de drempel)", "75 % tot 100 % (drempel gehaald)"])
_, gm, f, legend = shapes("gm.svg")
assert len(gm) == 342 and set(gm.values()) == {1}, len(gm)
expect(f["GM0014"], ("sw-k1", "#bdd7e7"))
expect(f["GM0715"], ("sw-k3", "#3182bd"))
expect(f["GM0687"], ("sw-k4", "#08519c"))
expect(f["GM1676"], ("sw-k0", "#eff3ff"))
expect(legend, ["minder dan 25 %", "25 % tot 50 %", "75 % tot 100 %", "100 % of meer"])
# --provincie alone draws the province's gemeenten.
_, z, f, _ = shapes("pv29.svg")
assert len(z) == 13 and all(c.startswith("GM") for c in z) and "GM0687" in z, z
expect(f["GM0715"], ("sw-k3", "#3182bd"))
# Money: € 0 a class of its own, round band edges, no "geen opgave".
_, b, f, legend = shapes("bedrag.svg")
expect(f["PV29"], ("sw-k4", "#993404"))
expect(f["PV20"], ("sw-k2", "#fe9929"))
expect(f["PV26"], ("sw-k1", "#fed98e"))
expect(f["PV21"], ("sw-k0", "#ffffd4"))
expect(legend, ["geen uitkering (\u20ac 0)", "meer dan \u20ac 0 tot \u20ac 2.500.000",
                "\u20ac 2.500.000 tot \u20ac 5.000.000", "\u20ac 7.500.000 tot \u20ac 10.000.000"])
_, b, f, legend = shapes("bedrag-gm.svg")
expect(f["GM0687"], ("sw-k4", "#993404"))
expect(f["GM1950"], ("sw-k3", "#d95f0e"))
expect(f["GM0014"], ("sw-k2", "#fe9929"))
expect(f["GM0718"], ("sw-k1", "#fed98e"))
expect(f["GM1676"], ("sw-k0", "#ffffd4"))
expect(legend, ["geen uitkering (\u20ac 0)", "meer dan \u20ac 0 tot \u20ac 1.000.000",
                "\u20ac 1.000.000 tot \u20ac 2.000.000", "\u20ac 2.000.000 tot \u20ac 3.000.000",
                "\u20ac 3.000.000 tot \u20ac 4.000.000"])
_, o, f, legend = shapes("opgave.svg")
expect(f["PV28"], ("sw-k4", "#08519c"))
expect(f["PV25"], ("sw-k3", "#3182bd"))
expect(f["PV26"], ("sw-k1", "#bdd7e7"))
expect(f["PV29"], ("sw-k0", "#eff3ff"))
expect(legend, ["minder dan 5.000", "5.000 tot 10.000", "10.000 tot 15.000", "15.000 tot 20.000"])
text = open(f"{sys.argv[1]}/nl.svg", encoding="utf-8").read()
for word in ("Bron: CBS, Kadaster", "Cyclus 2024, peildatum 1-7-2025", "provinciale opgaven van de cyclus"):
    assert word in text, word
PY
    # --niveau provincie with --provincie: the province as one shape, and a
    # note that says so.
    "$bin" map $V --provincie Zeeland --niveau provincie -o "$tmp/pv29p.svg" 2>"$tmp/err" &&
        [ "$(grep -c 'data-code=' "$tmp/pv29p.svg")" -eq 1 ] && grep -q 'data-code="PV29" class="sw-k1"' "$tmp/pv29p.svg" &&
        [ "$(cat "$tmp/err")" = "spreiding: note: --niveau provincie: the map shows Zeeland as one shape, its neighbours in outline; without --niveau it shows its gemeenten" ] &&
        ok || { ko "map --provincie --niveau provincie"; cat "$tmp/err"; }
    "$bin" map $V --what-if GM0363=+50 -o "$tmp/s.svg" && grep -q 'SCENARIO: what-if GM0363=+50' "$tmp/s.svg" &&
        ok || ko "a scenario map is marked"
    "$bin" map -o "$tmp/o.svg" && grep -q 'Opgave berekend (landelijk)' "$tmp/o.svg" && ok || ko "cycle 2026 map of the opgave"
fi
fails map-maat-needs-locaties 64 "spreiding: --maat geteld, voortgang and bedrag count places: give --locaties FILE" -- \
    map --maat voortgang

# Text that is code elsewhere: a formula stays text in --excel CSV (a leading
# '), Markdown's own characters are escaped; the numbers are untouched.
T="--cycle-file fixtures/cyclus-landelijk.csv --gemeenten fixtures/gemeenten-tekens.csv"
same excel-formula-guard expected/tekens-excel.csv -- allocate $T -f csv --excel
same markdown-escapes expected/tekens.md -- allocate $T -f md --tabel gemeenten
fails json-excel 64 "spreiding: --excel shapes CSV for Dutch Excel; it has no meaning for -f json" -- \
    allocate $T -f json --excel
fails budget-not-grondslag 64 "spreiding: --budget gives the lid-3 money under --lid3-grondslag budget, but the grondslag in force is per-plaats; add --lid3-grondslag budget" -- \
    grants $F --gemeenten fixtures/gemeenten.csv --locaties fixtures/locaties.csv --budget PV20=1000
fails budget-bad-grouping 64 "spreiding: --budget: '1.234.56' is not an amount in euros (write 1500, 1.500, 1.500,50 or 1500.50)" -- \
    grants $F --gemeenten fixtures/gemeenten.csv --locaties fixtures/locaties.csv --lid3-grondslag budget --budget PV20=1.234.56
fails budget-one-decimal 64 "spreiding: --budget: '1.5' is not an amount in euros (write 1500, 1.500, 1.500,50 or 1500.50)" -- \
    grants $F --gemeenten fixtures/gemeenten.csv --locaties fixtures/locaties.csv --lid3-grondslag budget --budget PV20=1.5
# --afronding belongs to the mode in force, not to the options typed: cycle
# 2026 has no provincial opgaven, so its default mode is national and
# largest remainder gives exactly C = 88 000 places.
"$bin" allocate --afronding largest-remainder -f csv --provincies >"$tmp/out" 2>&1 &&
    [ "$(awk -F, 'NR > 1 { s += $5 } END { print s }' "$tmp/out")" = 88000 ] &&
    ok || { ko "--afronding in national mode by default"; head -3 "$tmp/out"; }
# --amv 0 wins over the official provincial amv figures, everywhere.
"$bin" allocate --cycle 2024 --amv 0 -f csv >"$tmp/out" 2>&1 &&
    [ "$(awk -F, 'NR > 1 { s += $NF } END { print s }' "$tmp/out")" = 0 ] &&
    "$bin" allocate --cycle 2024 --amv 0 -f json | grep -q '"totaal_amv": 0,' &&
    ok || ko "--amv 0 is overridden somewhere"
# Very large capacities: the quotum's digits are exact, not wrapped
# (450 of 2 000 inwoners of 10^12; amv 3 x 0.225 = 0.675 rounds to 1).
"$bin" allocate $F --gemeenten fixtures/gemeenten.csv --mode national --capaciteit 1000000000000 \
    -f csv >"$tmp/out" 2>&1 && grep -q '^GM0001,A1,PV20,Alfa,450,,450,225000000000.0000,225000000000,1$' "$tmp/out" &&
    ok || { ko "quotum at 10^12"; head -3 "$tmp/out"; }

# Replacing a file keeps its mode; a file nobody may write is refused (also
# for root), and left as it was.
printf 'x\n' >"$tmp/m600" && chmod 600 "$tmp/m600"
"$bin" allocate -f csv -o "$tmp/m600" && [ "$(stat -c %a "$tmp/m600")" = 600 ] && [ "$(wc -l <"$tmp/m600")" -gt 300 ] &&
    ok || ko "mode 0600 is kept"
printf 'x\n' >"$tmp/m444" && chmod 444 "$tmp/m444"
"$bin" allocate -f csv -o "$tmp/m444" 2>"$tmp/err"
[ $? -eq 73 ] && [ "$(cat "$tmp/m444")" = x ] &&
    [ "$(cat "$tmp/err")" = "spreiding: $tmp/m444: nobody may write this file (mode 444): refusing to replace it" ] &&
    ok || { ko "a read-only file is refused"; cat "$tmp/err"; }
# -o never replaces an input: one named by path (through a link too), and
# one read from standard input, including -o /dev/stdin.
cp fixtures/locaties.csv "$tmp/in.csv" && ln -s in.csv "$tmp/in-link.csv"
for out in in.csv in-link.csv; do
    "$bin" progress $F --gemeenten fixtures/gemeenten.csv --locaties "$tmp/in.csv" -f csv \
        -o "$tmp/$out" 2>"$tmp/err"
    [ $? -eq 64 ] && cmp -s "$tmp/in.csv" fixtures/locaties.csv &&
        [ "$(cat "$tmp/err")" = "spreiding: -o $tmp/$out is one of the input files; refusing to overwrite it" ] &&
        ok || { ko "-o $out, an input"; cat "$tmp/err"; }
done
for out in "$tmp/in.csv" /dev/stdin; do
    "$bin" progress $F --gemeenten fixtures/gemeenten.csv --locaties - -f csv -o "$out" \
        <"$tmp/in.csv" 2>"$tmp/err"
    [ $? -eq 64 ] && cmp -s "$tmp/in.csv" fixtures/locaties.csv &&
        [ "$(cat "$tmp/err")" = "spreiding: -o $out is the file standard input reads; refusing to overwrite it" ] &&
        ok || { ko "-o $out, the file on standard input"; cat "$tmp/err"; }
done
# XLSX to a device, a FIFO and a symlink to a FIFO is written in place.
"$bin" grants $V -f xlsx -o /dev/null && [ -c /dev/null ] && ok || ko "xlsx to /dev/null"
mkfifo "$tmp/fifo" && ln -s fifo "$tmp/link"
for target in fifo link; do
    # A reader that gives up (10 s): a run that never opens the FIFO must fail
    # this case, not hang the suite.
    timeout 10 cat "$tmp/fifo" >"$tmp/from-fifo" &
    "$bin" grants $V -f xlsx -o "$tmp/$target"
    rc=$?
    wait
    [ $rc -eq 0 ] && [ -p "$tmp/fifo" ] && [ -L "$tmp/link" ] && [ "$(head -c 2 "$tmp/from-fifo")" = PK ] &&
        ok || ko "xlsx to a $target"
done
# Without its module next to it (and none installed), -f xlsx is not
# available: 69, before anything is written.
mkdir "$tmp/alone" && cp "$bin" "$tmp/alone/spreiding"
"$tmp/alone/spreiding" grants $V -f xlsx -o "$tmp/alone.xlsx" 2>"$tmp/err"
rc=$?
if [ -e /usr/local/lib/x86_64-linux-gnu/spreiding/spreiding-xlsx.so ] || [ -e /usr/lib/spreiding/spreiding-xlsx.so ]; then
    echo "SKIP: an installed xlsx module is found"
else
    [ $rc -eq 69 ] && [ ! -e "$tmp/alone.xlsx" ] &&
        grep -q '^spreiding: -f xlsx is not available: its module cannot be loaded (' "$tmp/err" &&
        ok || { ko "xlsx without its module: exit $rc"; cat "$tmp/err"; }
fi
# A shared object beside it that is not the module of this version is
# refused, and named.
cp /lib/x86_64-linux-gnu/libz.so.1 "$tmp/alone/spreiding-xlsx.so" 2>/dev/null &&
    { "$tmp/alone/spreiding" grants $V -f xlsx -o "$tmp/alone.xlsx" 2>"$tmp/err"
      [ $? -eq 69 ] && [ ! -e "$tmp/alone.xlsx" ] &&
          [ "$(cat "$tmp/err")" = "spreiding: -f xlsx is not available: its module cannot be loaded ($tmp/alone/spreiding-xlsx.so is of version unknown, this program of $("$bin" --version | sed -n '1s/^spreiding //p'))" ] &&
          ok || { ko "xlsx with a module of another version"; cat "$tmp/err"; }; }
rm -f "$tmp/alone/spreiding-xlsx.so"
# Where /proc is not mounted (some build sandboxes), the module beside the
# program is still found, by the name the program was started by, through
# a link too. Needs a mount namespace of its own (root); skipped elsewhere.
# A sanitized build cannot run without /proc (the sanitizers read their
# options and the threads there), so it skips this too.
if grep -q __asan_init "$bin"; then
    echo "SKIP: a sanitized build cannot run without /proc"
elif unshare -m sh -c 'mount -t tmpfs none /proc' 2>/dev/null; then
    unshare -m sh -c 'mount -t tmpfs none /proc && exec "$@"' sh \
        "$bin" grants $V -f xlsx -o "$tmp/noproc.xlsx" 2>"$tmp/err" &&
        [ "$(head -c 2 "$tmp/noproc.xlsx")" = PK ] &&
        ok || { ko "xlsx without /proc"; cat "$tmp/err"; }
    ln -s "$bin" "$tmp/alone/linked"
    unshare -m sh -c 'mount -t tmpfs none /proc && exec "$@"' sh \
        "$tmp/alone/linked" grants $V -f xlsx -o "$tmp/noproc2.xlsx" 2>"$tmp/err" &&
        [ "$(head -c 2 "$tmp/noproc2.xlsx")" = PK ] &&
        ok || { ko "xlsx without /proc, through a link"; cat "$tmp/err"; }
else
    echo "SKIP: no mount namespace for a run without /proc"
fi
# Outputs that are not plain files. A link to nothing is refused (73) and
# left alone; /dev/stdout is written where the shell opened it, so a log it
# appends to keeps its earlier lines.
ln -s "$tmp/nowhere/x" "$tmp/dangling"
"$bin" allocate -f csv -o "$tmp/dangling" 2>"$tmp/err"
[ $? -eq 73 ] && [ -L "$tmp/dangling" ] &&
    [ "$(cat "$tmp/err")" = "spreiding: $tmp/dangling: a symbolic link to '$tmp/nowhere/x', which does not exist: refusing to replace the link" ] &&
    ok || { ko "-o a dangling link"; cat "$tmp/err"; }
printf 'first\n' >"$tmp/log"
{ "$bin" cycle --cycle 2024 -o /dev/stdout && echo after; } >>"$tmp/log" &&
    [ "$(head -n 1 "$tmp/log")" = first ] && [ "$(tail -n 1 "$tmp/log")" = after ] &&
    [ "$(sed -n 2p "$tmp/log")" = parameter,waarde,status,bron ] &&
    ok || ko "-o /dev/stdout appends where stdout does"
# The boundaries and the older locations are inputs too: never overwritten,
# never read from stdin beside another input.
printf '{"type":"FeatureCollection","features":[]}' >"$tmp/k.geojson"
"$bin" map --kaart "$tmp/k.geojson" -o "$tmp/k.geojson" 2>"$tmp/err"
[ $? -eq 64 ] && grep -q FeatureCollection "$tmp/k.geojson" && ok || { ko "-o the --kaart file"; cat "$tmp/err"; }
fails kaart-stdin-twice 64 "spreiding: only one input can be read from stdin ('-')" -- \
    map --cycle 2024 --kaart - --locaties -
# One value given twice is a question, not the last one silently.
fails cycle-twice 64 "spreiding: --cycle is given twice; it takes one value" -- allocate --cycle 2024 --cycle 2026
fails periode-alone 64 "spreiding: --periode and --kolom choose from a download: give --ses FILE or --inwoners FILE" -- \
    allocate --periode 2024
fails drempel-zero 64 "spreiding: --drempel 0 is not a percentage from 1 to 100" -- \
    progress --cycle 2024 --locaties ../../data/voorbeeld-locaties-2024.csv --drempel 0

# Figures near 2^63 stay exact or are said: a map's last band is "of
# meer" (never a wrapped negative edge); a total that does not fit is one
# message in every form; a grant too large names its figures.
printf 'gemeentecode,locatie,plaatsen,amv_plaatsen,soort,vanaf,tot,status\nGM0014,a,9223372036854775807,,regulier,2020-01-01,,gerealiseerd\n' >"$tmp/huge.csv"
"$bin" map --cycle 2024 --locaties "$tmp/huge.csv" --maat geteld -o "$tmp/huge.svg" &&
    grep -q '8.000.000.000.000.000.000 of meer' "$tmp/huge.svg" && ! grep -q 'tot -' "$tmp/huge.svg" &&
    ok || ko "map legend near 2^63"
printf 'GM0080,b,9223372036854775807,,regulier,2020-01-01,,gerealiseerd\n' >>"$tmp/huge.csv"
for f in csv json md xlsx; do
    fails "total-overflow-$f" 65 "spreiding: table 'gemeenten': the total of column 'geteld' is more than 64 bits can hold (each row is exact; their sum is not)" -- \
        progress --cycle 2024 --locaties "$tmp/huge.csv" -f $f
done
fails grant-overflow 65 "spreiding: GM0014: the lid-3 amount (9223372036854775807 places at 400000 cents, the tarief.lid3.duurzaam of line 19 of embedded:cyclus-2024.csv) is more than 9223372036854775807 cents, the largest amount computed exactly" -- \
    grants --cycle 2024 --locaties "$tmp/huge.csv"
# A file name is shown clean wherever it appears, in every form.
esc=$(printf 'l\033[31m.csv')
cp ../../data/voorbeeld-locaties-2024.csv "$tmp/$esc"
for f in table md html json; do
    "$bin" grants --cycle 2024 --locaties "$tmp/$esc" -f $f >"$tmp/out" 2>&1 &&
        ! grep -q "$(printf '\033')" "$tmp/out" && grep -q 'U+001B' "$tmp/out" &&
        ok || ko "a file name with ESC in -f $f"
done
fails bergen-two 64 "spreiding: explain: 'Bergen' is not a gemeente of the register; did you mean Bergen (NH.) or Bergen (L.)?" -- \
    explain Bergen --cycle 2024

# --help and --version on a full disk: 74.
if [ -w /dev/full ]; then
    for args in --help --version "grants --help"; do
        # shellcheck disable=SC2086
        "$bin" $args >/dev/full 2>"$tmp/err"
        [ $? -eq 74 ] && [ "$(cat "$tmp/err")" = "spreiding: <stdout>: write error: No space left on device" ] &&
            ok || { ko "$args >/dev/full"; cat "$tmp/err"; }
    done
fi

# kso: small-scale reception on the hand-worked fixture (tests/README.md,
# "Kleinschalige opvang"): each table, the boundaries, the refusals.
K="$F --gemeenten fixtures/gemeenten.csv --locaties fixtures/kso-locaties.csv"
same kso-provincies expected/kso-provincies.csv -- kso $K -f csv
same kso-provincies-flag expected/kso-provincies.csv -- kso $K -f csv --provincies
same kso-gemeenten expected/kso-gemeenten.csv -- kso $K -f csv --tabel gemeenten
same kso-redenen expected/kso-redenen.csv -- kso $K -f csv --tabel redenen
same kso-locaties expected/kso-locaties.csv -- kso $K -f csv --tabel locaties
same kso-aandeel expected/kso-aandeel.csv -- kso $K -f csv --tabel aandeel
# The same rows in real gemeenten of the embedded cycle 2024: every province
# is listed, those without small-scale reception with zeros.
same kso-2024 expected/kso-2024-provincies.csv -- kso --cycle 2024 --locaties fixtures/kso-locaties-2024.csv -f csv
"$bin" kso $K -f csv --tabel redenen --provincie Beta >"$tmp/out" 2>&1
grep -v '^PV20,' expected/kso-redenen.csv | cmp -s - "$tmp/out" && ok || ko "kso --provincie restricts the reasons"
"$bin" kso $K --kso-max-plaatsen 99 -f csv | grep -qx 'PV20,Alfa,1,1,1,1,1,40,15,25,20,5' &&
    ok || ko "kso: 100 places is not kleinschalig with --kso-max-plaatsen 99"
"$bin" kso $K --kso-max-plaatsen 101 -f csv | grep -qx 'PV20,Alfa,1,1,3,1,1,40,15,226,20,5' &&
    ok || ko "kso: 101 places is kleinschalig with --kso-max-plaatsen 101"
"$bin" kso $K --peildatum 2025-06-30 -f csv | grep -qx 'PV20,Alfa,1,1,3,0,1,40,15,145,0,5' &&
    ok || ko "kso: a row ending after the peildatum is gerealiseerd"
"$bin" kso $K --aanmeld-telt nee -f csv --tabel aandeel | grep -qx 'PV20,Alfa,125,256,48.83' &&
    ok || ko "kso: the share follows the counting options"
"$bin" kso $K -f json >"$tmp/out" 2>&1
grep -q '"aandeel_kso": "325/516",' "$tmp/out" && grep -q '"aandeel_exact": "125/316"' "$tmp/out" &&
    ! grep -q '"locaties": \[' "$tmp/out" && ok || ko "kso JSON: exact shares, no listing unless asked"
"$bin" kso $K -f md >"$tmp/out" 2>&1
for line in '| Aandeel KSO (landelijk) | 62,98 % (325 van 516 getelde plaatsen) |' \
    '| niet gerealiseerd | 7 | 97 | status afgewezen of ingetrokken |' \
    '| **Totaal** | 14 | 497 |  |' \
    '| PV21 | Beta | GEEN DRAAGVLAK | 3 | 47 |' \
    "| PV20 | Alfa | 125 | 316 | 39,56$(printf '\302\240')% |"; do
    grep -qxF "$line" "$tmp/out" && ok || ko "kso md lacks: $line"
done
[ "$(grep -n '^## ' "$tmp/out" | head -1)" = "$(grep -n '^## Nederland: kleinschalige opvang per klasse' "$tmp/out")" ] &&
    ok || ko "kso md: the national totals come first"
# Row order changes no table; the listing keeps its rows (with their new lines).
{ head -n 1 fixtures/kso-locaties.csv; tail -n +2 fixtures/kso-locaties.csv | sort -r; } >"$tmp/kso-rev.csv"
for t in provincies gemeenten redenen aandeel totaal; do
    "$bin" kso $F --gemeenten fixtures/gemeenten.csv --locaties "$tmp/kso-rev.csv" -f csv --tabel $t >"$tmp/b" 2>&1 &&
        "$bin" kso $K -f csv --tabel $t >"$tmp/a" 2>&1 && cmp -s "$tmp/a" "$tmp/b" && ok || ko "kso row order changes --tabel $t"
done
"$bin" kso $F --gemeenten fixtures/gemeenten.csv --locaties "$tmp/kso-rev.csv" -f csv --tabel locaties | cut -d, -f2- >"$tmp/b"
cut -d, -f2- expected/kso-locaties.csv | cmp -s - "$tmp/b" && ok || ko "kso row order changes the listing"
fails kso-what-if 64 "spreiding: --what-if is not an option of kso: the overview reports the register as it is, not a scenario" -- \
    kso $K --what-if GM0001=+5
fails kso-include-planned 64 "spreiding: --include-planned is not an option of kso: the overview reports the register as it is, not a scenario" -- \
    kso $K --include-planned
fails kso-drempel 64 "spreiding: --drempel is not an option of kso (it is one of progress, grants, explain, report, map)" -- \
    kso $K --drempel 70
fails kso-no-locaties 64 "spreiding: kso needs --locaties FILE" -- kso $F
fails kso-listing-html 64 "spreiding: the HTML page shows every table; --tabel and --provincies choose tables for the other forms" -- \
    kso $K --tabel locaties -f html
# explain says why a location is or is not kleinschalig, on the run's
# kso-max-plaatsen; the overview (report) carries a table kso.
"$bin" explain GM0005 $L --kso-max-plaatsen 1 -f csv --tabel locaties >"$tmp/out" 2>&1
grep -q '^8,Amv Vijf,2,2,amv,toegezegd,2025-07-01,2030-07-01,ja,ja,telt mee,nee,,"nee: 2 plaatsen, meer dan 1 (kso-max-plaatsen)"$' "$tmp/out" &&
    ok || ko "explain --kso-max-plaatsen 1"
"$bin" report $K -f json | grep -q '"kso": \[' && ok || ko "report has a kso table"
"$bin" report $K --include-planned -f csv --tabel kso | grep -qx 'PV20,Alfa,1,1,2,1,1,40,15,125,20,5,125,316,39.56,include-planned' &&
    ok || ko "report: the kso table is the register as it is, in a scenario too"

# The terminal at 80 columns, as a person sees it: no line wider, no number
# split over two lines, no name cut inside a word (after a hyphen it may
# wrap), and where asked: the answer on the first screen and in the first
# band of a wide table, a column said once instead of in every row, a
# digest whole on one line.
if [ -x /usr/bin/python3 ]; then
    W="--cycle 2024 --locaties ../../data/voorbeeld-locaties-2024.csv"
    N="--names ../../data/gemeenten-2024.csv"
    sha=$(sha256sum ../../data/voorbeeld-locaties-2024.csv | cut -c1-64)
    while IFS='|' read -r checks args; do
        # shellcheck disable=SC2086
        /usr/bin/python3 pty80.py $N $checks -- "$bin" $args >"$tmp/pty" 2>&1 &&
            ok || { ko "80 columns: $checks $args"; cat "$tmp/pty"; }
    done <<EOF
--first-screen Berekening|explain GM0664 $W
--first-screen Groningen --first-header Opgave|allocate
--first-screen Zeeland|progress $W --provincies
--first-screen Utrecht --absent ^GM[0-9]{4}.*PV26 --whole Vijfheerenlanden --whole $sha|grants $W --provincie Utrecht
--whole Noord-Holland --whole Noord-Brabant|kso --cycle 2024 --locaties fixtures/kso-locaties-2024.csv
--width 44 --first-header aanmerking|grants $W
|progress $W --tijdlijn 2024-01-01:2025-07-01:3m
|grants $W --vergelijk fixtures/kso-locaties-2024.csv
|sweep --capaciteit 1000:1003
EOF
fi

# A full disk: exit 74, and no file left behind.
if [ -w /dev/full ]; then
    "$bin" allocate -f csv -o /dev/full >/dev/null 2>"$tmp/err"
    [ $? -eq 74 ] && grep -q "No space left on device" "$tmp/err" && ok || ko "-o /dev/full"
    "$bin" allocate -f csv >/dev/full 2>"$tmp/err"
    [ $? -eq 74 ] && ok || ko "stdout on /dev/full"
    [ -c /dev/full ] && ok || ko "/dev/full is still a device"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
