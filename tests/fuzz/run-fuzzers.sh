#!/bin/sh
# Builds the libFuzzer targets with clang, ASan and UBSan and runs each for
# SECONDS (default 60), seeded from the test fixtures and the input corpus.
# Prints executions and findings per target; exits 1 if any target crashed.
# Usage: tests/fuzz/run-fuzzers.sh [SECONDS] [TARGET...]
set -u
cd "$(dirname "$0")/../.." || exit 2
seconds=${1:-60}
[ $# -gt 0 ] && shift
targets=${*:-csv register ses cycle locations opgave end_to_end geojson cli}
build=build-fuzz
if [ ! -d "$build" ]; then
    CC=clang meson setup "$build" -Dfuzz=true -Db_sanitize=address,undefined -Db_lundef=false \
        -Dc_args=-fno-sanitize-recover=all -Dtests=true >/dev/null || exit 2
fi
ninja -C "$build" >"$build/build.log" 2>&1 || { tail -20 "$build/build.log"; exit 2; }
status=0
printf '%-12s %12s %10s %s\n' target executions exec/s findings
for t in $targets; do
    corpus="$build/corpus-$t"
    mkdir -p "$corpus" "$build/findings-$t"
    cp tests/cli/fixtures/* tests/bad/*.csv tests/odd/*.csv tests/statline/*.csv tests/fuzz/seeds/* \
        "$corpus"/ 2>/dev/null
    "$build/tests/fuzz_$t" "$corpus" -dict=tests/fuzz/spreiding.dict \
        -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$build/findings-$t/" \
        >"$build/fuzz-$t.log" 2>&1
    rc=$?
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$build/fuzz-$t.log" | grep -o '[0-9]*$')
    speed=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$build/fuzz-$t.log" | grep -o '[0-9]*$')
    found=$(ls "$build/findings-$t" | wc -l)
    printf '%-12s %12s %10s %s\n' "$t" "${execs:-?}" "${speed:-?}" "$found"
    if [ $rc -ne 0 ] || [ "$found" -ne 0 ]; then
        status=1
        tail -30 "$build/fuzz-$t.log"
    fi
done
exit $status
