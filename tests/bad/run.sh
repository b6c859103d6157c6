#!/bin/sh
# The input corpus: every file in bad/ must fail with exactly the message and
# exit code of cases.txt, print nothing and write no file; every file in odd/
# looks strange but is valid and must give exactly the expected output.
# Usage: run.sh SPREIDING TESTS-DIR
set -u
bin=$1
cd "$2" || exit 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "FAIL: $*"; }

C="--cycle-file cli/fixtures/cyclus.csv"
G="--gemeenten cli/fixtures/gemeenten.csv"

# The command that feeds FILE to the reader its name prefix names.
command_for() {
    case $1 in
    reg-*) echo "allocate $C --gemeenten bad/$1" ;;
    ses-*) echo "allocate $C $G --ses bad/$1" ;;
    cycle-*) echo "allocate --cycle-file bad/$1 $G" ;;
    loc-merged-*) echo "progress --cycle 2024 --locaties bad/$1" ;; # the real 2024 register
    loc-*) echo "progress $C $G --locaties bad/$1" ;;
    kso-*) echo "kso $C $G --locaties bad/$1" ;;
    opgave-*) echo "progress $C $G --locaties cli/fixtures/locaties.csv --opgave bad/$1" ;;
    *) echo "unknown-slot" ;;
    esac
}

grep -v '^#' bad/cases.txt | while IFS='|' read -r file code message; do
    [ -n "$file" ] || continue
    # shellcheck disable=SC2046
    "$bin" $(command_for "$file") -o "$tmp/report" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    printf '%s\n' "$message" >"$tmp/want"
    if [ $rc -ne "$code" ]; then
        echo "FAIL: $file: exit $rc, expected $code"; cat "$tmp/err"
    elif ! cmp -s "$tmp/err" "$tmp/want"; then
        echo "FAIL: $file: message differs"; diff "$tmp/want" "$tmp/err"
    elif [ -s "$tmp/out" ] || [ -e "$tmp/report" ] || ls -A "$tmp" | grep -q '^\.spreiding-'; then
        echo "FAIL: $file: wrote output"
    else
        echo "PASS: $file"
    fi
done >"$tmp/results"
pass=$(grep -c '^PASS' "$tmp/results")
fail=$(grep -c '^FAIL' "$tmp/results")
grep -A3 '^FAIL' "$tmp/results"

# Every file of the corpus has a case, and every case a file.
for f in bad/*.csv; do
    grep -q "^$(basename "$f")|" bad/cases.txt && ok || ko "no case for $f"
done

same() {
    name=$1 expected=$2
    shift 2
    "$bin" "$@" >"$tmp/out" 2>"$tmp/err" && cmp -s "$tmp/out" "$expected" && ok ||
        { ko "$name"; cat "$tmp/err"; diff "$expected" "$tmp/out" | head; }
}
same bom-quoted-header cli/expected/allocate.csv allocate $C --gemeenten odd/reg-bom-quoted-header.csv -f csv
same cp1252-semicolon-crlf-trailing-columns odd/expected-cp1252.csv \
    allocate $C --gemeenten odd/reg-cp1252-semicolon-crlf.csv -f csv
same tab-delimited cli/expected/allocate.csv allocate $C --gemeenten odd/reg-tab.csv -f csv
same cr-line-ends cli/expected/allocate.csv allocate $C --gemeenten odd/reg-cr-only.csv -f csv
same ses-semicolon-decimal-comma odd/expected-ses.csv allocate $C $G --ses odd/ses-semicolon-decimal-comma.csv -f csv
# A code not in the register (GM0370 Beemster, merged in 2022) is skipped
# (rekenregels §7.12): the output is that of the same file without it.
same ses-former-gemeente odd/expected-ses.csv allocate $C $G --ses odd/ses-former-gemeente.csv -f csv
# What Dutch Excel saves ("CSV (puntkomma)": Windows-1252, ';', CRLF, 1-9-2023
# dates, codes as numbers, rows of only delimiters below the table) and its
# "Unicode text" (UTF-16 with a BOM, tabs) read as the plain file does.
same dutch-excel-locations cli/expected/progress.csv \
    progress $C $G --locaties odd/loc-dutch-excel.csv -f csv
same unicode-text-locations cli/expected/grants.csv \
    grants $C $G --locaties odd/loc-unicode-text.txt -f csv
same locatie-with-embedded-newline cli/expected/progress.csv \
    progress $C $G --locaties odd/loc-embedded-newline.csv -f csv
# A header with trailing empty names (columns formatted beyond the table in
# Excel) above rows that stop at their last value.
same excel-empty-header-columns cli/expected/progress.csv \
    progress $C $G --locaties odd/loc-excel-empty-header-columns.csv -f csv

# StatLine shapes of one SES table give the plain file's output
# (statline/README.md).
S="--cycle-file statline/cyclus.csv --gemeenten statline/gemeenten.csv -f csv"
# shellcheck disable=SC2086
"$bin" allocate $S --ses statline/ses-plain.csv >"$tmp/ses-plain.out" 2>&1 && ok || ko "statline plain"
for f in ses-typed ses-web-zonder-codes; do
    # shellcheck disable=SC2086
    same "statline $f" "$tmp/ses-plain.out" allocate $S --ses "statline/$f.csv"
done
# shellcheck disable=SC2086
same "statline ses-web-met-symbolen" "$tmp/ses-plain.out" allocate $S --ses statline/ses-web-met-symbolen.csv --periode 2022
# Population (--inwoners) from every shape gives the plain file's output.
# shellcheck disable=SC2086
"$bin" allocate $S --inwoners statline/inwoners-plain.csv >"$tmp/inw-plain.out" 2>&1 && ok || ko "inwoners plain"
for f in inwoners-typed inwoners-web inwoners-kerncijfers; do
    # shellcheck disable=SC2086
    same "statline $f" "$tmp/inw-plain.out" allocate $S --inwoners "statline/$f.csv" --inwoners-periode 2024
done
# Two downloads of different years: each its own period.
# shellcheck disable=SC2086
"$bin" allocate $S --inwoners statline/inwoners-typed.csv --inwoners-periode 2024 \
    --ses statline/ses-web-met-symbolen.csv --ses-periode 2022 2>&1 |
    grep -q '^GM0014,Groningen,PV20,Groningen,243768,-0.071,' && ok || ko "two downloads, two periods"

# What a StatLine user gets wrong, said plainly.
expect() {
    name=$1 code=$2 message=$3
    shift 3
    "$bin" "$@" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    printf '%s\n' "$message" >"$tmp/want"
    if [ $rc -eq "$code" ] && cmp -s "$tmp/err" "$tmp/want" && [ ! -s "$tmp/out" ]; then
        ok
    else
        ko "$name: exit $rc"; diff "$tmp/want" "$tmp/err"
    fi
}
# shellcheck disable=SC2086
expect "several periods" 65 "spreiding: statline/ses-web-met-symbolen.csv:1:1: column 'Perioden': the file holds 3 periods (2021, 2022, 2023*); choose one with --periode YYYY" \
    allocate $S --ses statline/ses-web-met-symbolen.csv
# shellcheck disable=SC2086
expect "unknown period" 65 "spreiding: statline/inwoners-web.csv:1:5: column 'Perioden': --periode 2022: the file holds no period of that year; it holds 2023, 2024" \
    allocate $S --inwoners statline/inwoners-web.csv --periode 2022
# shellcheck disable=SC2086
expect "not a year" 64 "spreiding: --inwoners-periode: 'twintig' is not a year" \
    allocate $S --inwoners statline/inwoners-web.csv --inwoners-periode twintig

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
