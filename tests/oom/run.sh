#!/bin/sh
# Out of memory, everywhere: each command below runs once to count its
# allocations, then again with the N-th allocation failing (tests/oom/
# failmalloc.c, preloaded), for every N up to 300 and then a spread sample.
# Each run must either succeed with the normal output (an allocation whose
# failure is harmless, such as a stdio buffer) or exit 71 with exactly
# "spreiding: out of memory", print nothing, and leave no output or
# temporary file behind. Anything else (a crash, another code, a message
# that hides the cause) fails, with one exception that is counted and
# shown: libxlsxwriter 1.1.5 crashes on some of its own failed allocations
# (it frees a half-built worksheet in lxw_worksheet_new), and so does the
# libminizip it writes the package with. The xlsx writer
# runs in a child process for this reason; the program must then say
# "the xlsx writer (libxlsxwriter) crashed", exit 70, and leave nothing
# behind. A temporary directory of its own shows what was left.
# Usage: run.sh SPREIDING FAILMALLOC.so SOURCE-DIR
set -u
bin=$1 shim=$2 src=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$src" || exit 2
pass=0
fail=0
upstream=0
V="--cycle 2024 --locaties data/voorbeeld-locaties-2024.csv"
while IFS='|' read -r name args; do
    [ -n "$name" ] || continue
    mkdir -p "$tmp/w"
    # shellcheck disable=SC2086
    SW_COUNT_ALLOC="$tmp/count" LD_PRELOAD="$shim" "$bin" $args -o "$tmp/w/out" >"$tmp/base.out" 2>&1 ||
        { echo "FAIL: $name does not run"; cat "$tmp/base.out"; fail=$((fail + 1)); continue; }
    cp "$tmp/w/out" "$tmp/base"
    total=$(cat "$tmp/count")
    n=1
    bad=0
    runs=0
    while [ "$n" -le "$total" ]; do
        rm -rf "$tmp/w" "$tmp/t" && mkdir -p "$tmp/w" "$tmp/t"
        # shellcheck disable=SC2086
        rm -f "$tmp/where"
        TMPDIR="$tmp/t" SW_FAIL_WHERE="$tmp/where" SW_FAIL_ALLOC=$n LD_PRELOAD="$shim" \
            "$bin" $args -o "$tmp/w/out" >"$tmp/out" 2>"$tmp/err"
        rc=$?
        [ -z "$(ls -A "$tmp/t")" ] || { echo "FAIL: $name, allocation $n: left $(ls -A "$tmp/t") in TMPDIR"; bad=1; }
        runs=$((runs + 1))
        if [ $rc -eq 0 ]; then
            cmp -s "$tmp/w/out" "$tmp/base" || { echo "FAIL: $name, allocation $n: exit 0 but other output"; bad=1; }
        elif [ $rc -eq 71 ]; then
            [ "$(cat "$tmp/err")" = "spreiding: out of memory" ] ||
                { echo "FAIL: $name, allocation $n: says"; cat "$tmp/err"; bad=1; }
            [ -z "$(ls -A "$tmp/w")" ] || { echo "FAIL: $name, allocation $n: left $(ls -A "$tmp/w")"; bad=1; }
            [ ! -s "$tmp/out" ] || { echo "FAIL: $name, allocation $n: printed on stdout"; bad=1; }
        elif [ $rc -eq 70 ] && grep -Eq 'libxlsxwriter|libminizip' "$tmp/where" 2>/dev/null &&
            [ "$(cat "$tmp/err")" = "spreiding: the xlsx writer (libxlsxwriter) crashed: Segmentation fault" ]; then
            upstream=$((upstream + 1))
            [ -z "$(ls -A "$tmp/w")" ] || { echo "FAIL: $name, allocation $n: left $(ls -A "$tmp/w")"; bad=1; }
        else
            echo "FAIL: $name, allocation $n: exit $rc (allocation from $(cat "$tmp/where" 2>/dev/null))"
            cat "$tmp/err"; bad=1
        fi
        [ $bad -eq 0 ] || break
        if [ "$n" -lt 300 ]; then n=$((n + 1)); else n=$((n + 37)); fi
    done
    if [ $bad -eq 0 ]; then
        pass=$((pass + 1))
        echo "ok: $name ($total allocations, $runs runs)"
    else
        fail=$((fail + 1))
    fi
done <<EOF2
allocate-csv|allocate --cycle 2024 -f csv
grants-json|grants $V -f json
explain|explain GM0664 $V -f md
report-html|report $V --what-if GM0363=+5
grants-xlsx|grants $V -f xlsx
sweep|sweep --capaciteit 900:930 -f csv
map|map $V --niveau gemeente
tijdlijn|report $V --tijdlijn 2024-07-01:2025-12-01 --gemeente GM0687
vergelijk|grants $V --vergelijk data/voorbeeld-locaties-2024.csv --vergelijk-peildatum 2025-01-01 --tabel locaties -f json
statline|allocate --cycle-file tests/statline/cyclus.csv --gemeenten tests/statline/gemeenten.csv --ses tests/statline/ses-web-met-symbolen.csv --periode 2022 -f json
EOF2
echo "$pass passed, $fail failed; $upstream crashes inside libxlsxwriter or libminizip on their own failed allocation"
[ "$fail" -eq 0 ]
