#!/bin/sh
# The example program against the installed library: builds
# tests/example/grants.c with `pkg-config spreiding` from PREFIX, runs it on
# the shipped cycle-2024 data and the example locations, and compares its
# output byte for byte with `spreiding grants -f csv` of the same files.
# Usage: run.sh PREFIX SOURCE-DIR
set -eu
prefix=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pc=$(find "$prefix" -name spreiding.pc -print -quit)
[ -n "$pc" ] || { echo "no spreiding.pc under $prefix"; exit 1; }
export PKG_CONFIG_PATH="$(dirname "$pc")"
libdir=$(pkg-config --variable=libdir spreiding)
# shellcheck disable=SC2046
cc -std=c11 -Wall -Wextra -Werror -o "$tmp/grants" "$src/tests/example/grants.c" \
    $(pkg-config --cflags --libs spreiding) -Wl,-rpath,"$libdir"
cd "$src"
set -- data/cyclus-2024.csv data/gemeenten-2024.csv data/voorbeeld-locaties-2024.csv
"$tmp/grants" "$@" >"$tmp/example.csv"
"$prefix/bin/spreiding" grants --cycle-file "$1" --gemeenten "$2" --locaties "$3" -f csv >"$tmp/cli.csv"
[ "$(wc -l <"$tmp/cli.csv")" -eq 343 ] || { echo "the CLI did not list 342 gemeenten"; exit 1; }
cmp "$tmp/example.csv" "$tmp/cli.csv"
echo "the example program, linked with the installed libspreiding, writes what spreiding grants -f csv writes (343 lines)"
