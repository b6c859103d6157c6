#!/bin/sh
# The benchmark of README "Performance", in one run: spreiding against the
# floors it is measured by and against the program as it was at 1c53c7a.
#   allocate -f csv on the embedded data  vs  a bare process printing as many lines
#   grants on 10^5, 10^6, 10^7 rows       vs  cat (reading the file), libcsv alone
#                                             (csvfloor), mawk and Miller summing
#                                             one column, grants at 1c53c7a
#   sweep --capaciteit 1:1000000          peak memory in csv, json and md
# Runs are paired (tests/bench/measure.c): every round runs each command of a
# group once, on one core, and a ratio is the median of the ratios per round.
# Usage: bench.sh SPREIDING MEASURE GEN SOURCE-DIR WORK-DIR BARE CSVFLOOR COMPILER
set -u
bin=$1 measure=$2 gen=$3 src=$4 work=$5 bare=$6 floor=$7 compiler=$8
old_commit=1c53c7a
mkdir -p "$work" || exit 1
reg=$src/data/gemeenten-2024.csv

load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'),"\
     "$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -sr)"
echo "compiler: $compiler"
echo "load at start: $(load) (1, 5, 15 min)"

# field NAME LINE: the value of NAME=... in a line of measure's output
field() { echo "$2" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
# show LINE...: measure's lines, and the lines of a failed command
show() { printf '%s\n' "$@" | sed 's/^/  /'; }
div() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
inv() { awk -v a="$1" 'BEGIN { if (a > 0) printf "%.2f", 1 / a; else print "-" }'; }

# The program as it was at 1c53c7a, built here once (the same compiler and
# build type); without the history (a tarball), that comparison is skipped.
old=
olddir=$work/old-$old_commit
if [ -x "$olddir/build/src/cli/spreiding" ]; then
    old=$olddir/build/src/cli/spreiding
    echo "old: $old_commit, built earlier in $olddir"
elif git -C "$src" cat-file -e "$old_commit^{commit}" 2>/dev/null; then
    rm -rf "$olddir" && mkdir -p "$olddir/src"
    buildtype=$(echo "$compiler" | sed -n 's/.*buildtype //p')
    if git -C "$src" archive "$old_commit" | tar -x -C "$olddir/src" &&
        meson setup "$olddir/build" "$olddir/src" --buildtype="${buildtype:-debugoptimized}" \
            >"$olddir/build.log" 2>&1 &&
        ninja -C "$olddir/build" src/cli/spreiding >>"$olddir/build.log" 2>&1; then
        old=$olddir/build/src/cli/spreiding
        echo "old: $old_commit, built now in $olddir"
    else
        echo "old: $old_commit did not build (see $olddir/build.log); that comparison is skipped"
    fi
else
    echo "SKIP old: no git history for $old_commit in $src (a tarball?); that comparison is skipped"
fi
mlr=$(command -v mlr || true)
[ -n "$mlr" ] || echo "SKIP Miller: mlr is not installed"
command -v mawk >/dev/null || { echo "mawk is needed"; exit 77; }

echo
echo "== allocate -f csv, embedded data, vs a bare process printing as many lines"
lines=$("$bin" allocate -f csv | wc -l)
out=$("$measure" 201 -- allocate "$bin" allocate -f csv :: bare "$bare" "$lines")
show "$out"
r=$(field ratio_to_allocate "$(echo "$out" | grep '^bare ')")
echo "allocate / bare = $(inv "$r") (target: at most 2)"

for m in 100000 1000000 10000000; do
    f=$work/loc-$m.csv
    [ -s "$f" ] || "$gen" "$m" "$reg" >"$f" || exit 1
    mb=$(awk -v b="$(wc -c <"$f")" 'BEGIN { printf "%.1f", b / 1e6 }')
    case $m in 100000) reps=11 ;; 1000000) reps=7 ;; *) reps=3 ;; esac
    echo
    echo "== grants, $m rows ($mb MB)"
    # shellcheck disable=SC2016 # mawk's program, not the shell's
    set -- grants "$bin" grants --cycle 2024 --locaties "$f" -f csv \
        :: cat cat "$f" :: csvfloor "$floor" "$f" \
        :: mawk mawk -F, '{ s += $3 } END { print s }' "$f"
    # 1c53c7a refuses 10^7 rows (its 256 MiB input limit): once, to show it.
    if [ -n "$old" ] && [ "$m" -lt 10000000 ]; then
        set -- "$@" :: old "$old" grants --cycle 2024 --locaties "$f" -f csv
    fi
    out=$("$measure" "$reps" -- "$@")
    show "$out"
    g=$(echo "$out" | grep '^grants ')
    t=$(field median_ms "$g")
    echo "grants: $(awk -v n="$m" -v t="$t" 'BEGIN { printf "%.2f M rows/s", n / t / 1000 }'),"\
         "$(awk -v b="$mb" -v t="$t" 'BEGIN { printf "%.0f", b / t * 1000 }') MB/s,"\
         "peak RSS $(field peak_rss_mb "$g") MiB"
    for who in cat csvfloor mawk old; do
        l=$(echo "$out" | grep "^$who ") || continue
        r=$(field ratio_to_grants "$l")
        case $who in
        cat) echo "grants / cat (reading the file) = $(inv "$r")" ;;
        csvfloor) echo "grants / libcsv alone = $(inv "$r")" ;;
        mawk) echo "grants / mawk = $(inv "$r") (target at 10^6: below 1)" ;;
        old) echo "grants / $old_commit = $(inv "$r"): throughput $(div "$r" 1) x $old_commit" \
            "(target at 10^6: at least 3)" ;;
        esac
    done
    if [ -n "$old" ] && [ "$m" -eq 10000000 ]; then
        "$old" grants --cycle 2024 --locaties "$f" -f csv >/dev/null 2>"$work/old.err"
        echo "old ($old_commit) on this file: exit $?, $(head -c 200 "$work/old.err")"
    fi
    if [ -n "$mlr" ]; then
        reps=3
        [ "$m" -lt 10000000 ] || reps=1
        out=$("$measure" "$reps" -- grants "$bin" grants --cycle 2024 --locaties "$f" -f csv \
            :: miller "$mlr" --icsv --ojson stats1 -a sum -f plaatsen "$f")
        show "$(echo "$out" | grep '^miller ')"
        echo "grants / Miller = $(inv "$(field ratio_to_grants "$(echo "$out" | grep '^miller ')")")"
    fi
done

echo
echo "== sweep --capaciteit 1:1000000"
for fmt in csv json md; do
    out=$("$measure" 3 -- "sweep-$fmt" "$bin" sweep --capaciteit 1:1000000 -f "$fmt")
    show "$out"
    echo "sweep -f $fmt: peak RSS $(field peak_rss_mb "$out") MiB (target: below 64)"
done
echo
echo "load at end: $(load)"
