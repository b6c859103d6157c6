#!/bin/sh
# The benchmark: wall time (median), throughput and peak memory of spreiding,
# and of the same work done with a Python script (standard library, exact
# fractions) and with Miller, on this machine.
# Usage: bench.sh SPREIDING MEASURE GEN SOURCE-DIR WORK-DIR
set -u
bin=$1 measure=$2 gen=$3 src=$4 work=$5
mkdir -p "$work"
reg=$src/data/gemeenten-2024.csv
cyc=$src/data/cyclus-2024.csv
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
for m in 10000 100000 1000000; do
    [ -s "$work/loc-$m.csv" ] || "$gen" "$m" "$reg" >"$work/loc-$m.csv"
done
python=$(command -v python3)
mlr=$(command -v mlr)

ms() { sed 's/.*median_ms=\([0-9.]*\).*/\1/'; }
rate() { awk -v n="$1" -v t="$2" 'BEGIN { printf "%.0f", n / (t / 1000) }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }

line=$("$measure" 50 allocate -- "$bin" allocate -f csv)
echo "$line"
if [ -n "$python" ]; then
    "$python" -c 1 && echo "$(
        "$measure" 3 python-allocate+grants-1e4 -- "$python" "$src/tests/bench/baseline.py" \
            "$reg" "$cyc" "$work/loc-10000.csv")"
fi
for m in 10000 100000 1000000; do
    reps=$([ "$m" -eq 1000000 ] && echo 5 || echo 9)
    for cmd in progress grants; do
        line=$("$measure" "$reps" "$cmd-$m" -- "$bin" "$cmd" --cycle 2024 --locaties "$work/loc-$m.csv" -f csv)
        t=$(echo "$line" | ms)
        echo "$line rows_per_s=$(rate "$m" "$t")"
    done
    tg=$t
    if [ -n "$python" ]; then
        line=$("$measure" 1 "python-$m" -- "$python" "$src/tests/bench/baseline.py" "$reg" "$cyc" "$work/loc-$m.csv")
        echo "$line spreiding_faster_x=$(ratio "$(echo "$line" | ms)" "$tg")"
    fi
    if [ -n "$mlr" ]; then
        line=$("$measure" 3 "miller-$m" -- "$mlr" --icsv --ocsv \
            filter '$soort != "nood" && $status != "gepland" && $vanaf <= "2025-07-01" && ($tot == "" || $tot > "2025-07-01")' \
            then join -j gemeentecode -f "$reg" \
            then stats1 -a sum -f plaatsen -g provinciecode "$work/loc-$m.csv")
        echo "$line spreiding_faster_x=$(ratio "$(echo "$line" | ms)" "$tg")"
    fi
done
for steps in 10000 100000; do
    line=$("$measure" 5 "sweep-$steps" -- "$bin" sweep --capaciteit "1:$steps" -f csv)
    echo "$line steps_per_s=$(rate "$steps" "$(echo "$line" | ms)")"
done
