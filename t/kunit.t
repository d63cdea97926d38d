#!/bin/sh
# The series' KUnit suite, loaded as a module in the patched guest: its
# KTAP comes back over the serial console.  One TAP line per KUnit case.
. "$(dirname "$0")/tap.sh"
log=$BUILD/boot/patched.log
need_boot "$log"
# KUnit's case lines are indented by four spaces; the suite line is not
cases=$(tr -d '\r' < "$log" |
	sed -n 's/^    \(not ok\|ok\) [0-9]* \(ksz_[a-z0-9_]*\)$/\1 \2/p')
suite=$(tr -d '\r' < "$log" | sed -n 's/^\(not ok\|ok\) [0-9]* kallsyms_sizes$/\1/p')
n=$(echo "$cases" | grep -c .)
plan $((n + 2))
[ "$n" -ge 5 ]
ok $? "kallsyms_sizes suite ran its cases ($n)"
while read -r r1 r2 r3; do
	[ "$r1" = ok ]
	ok $? "kunit: ${r3:-$r2}" "$(grep -A6 "# ${r3:-$r2}:" "$log" | head -12)"
done <<EOF_CASES
$cases
EOF_CASES
is "$suite" ok "kunit: suite kallsyms_sizes (console: $log)"
