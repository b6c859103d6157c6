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
# (domain.md §7.12): the output is that of the same file without it.
same ses-former-gemeente odd/expected-ses.csv allocate $C $G --ses odd/ses-former-gemeente.csv -f csv
same locatie-with-embedded-newline cli/expected/progress.csv \
    progress $C $G --locaties odd/loc-embedded-newline.csv -f csv

# StatLine shapes of one SES table give the plain file's output
# (statline/README.md).
S="--cycle-file statline/cyclus.csv --gemeenten statline/gemeenten.csv -f csv"
# shellcheck disable=SC2086
"$bin" allocate $S --ses statline/ses-plain.csv >"$tmp/ses-plain.out" 2>&1 && ok || ko "statline plain"
for f in ses-typed ses-web-zonder-codes; do
    # shellcheck disable=SC2086
    same "statline $f" "$tmp/ses-plain.out" allocate $S --ses "statline/$f.csv"
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
