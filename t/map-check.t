#!/bin/sh
# make map-check on Debian's real symbol table: every size decoded from the
# series' kallsyms_sizes[] equals nm's, at no more than 2.1 bytes/symbol, side tables included.
. "$(dirname "$0")/tap.sh"
[ -n "$fixture" ] || { echo "1..0 # SKIP no Debian fixture (set FIXTURE=)"; exit 0; }
plan 4
out=$(cd "$TOP" && make -s map-check MAP="$fixture" 2>&1)
rc=$?
last=$(echo "$out" | tail -n 1)
diag "$last"
is "$rc" 0 "make map-check exits 0 on the fixture"
get() { echo "$last" | sed -n "s/.*$1=\([0-9.]*\).*/\1/p"; }
is "$(get mismatches)" 0 "no size mismatches"
[ "$(get symbols)" -gt 180000 ]
ok $? "all of the fixture's symbols are in the table ($(get symbols))"
awk -v b="$(get bytes_per_symbol)" 'BEGIN { exit !(b != "" && b <= 2.1) }'
ok $? "sizes cost <= 2.1 bytes per symbol ($(get bytes_per_symbol))"
