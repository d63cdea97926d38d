#!/bin/sh
# The series' KUnit suite as its users run it: kunit.py with
# kernel/.kunitconfig on UML (scripts/kunit.sh, run by make check).  One
# TAP line per case, kunit.py's own verdict; every case must pass (the
# .kunitconfig turns KALLSYMS_ALL on, so none may skip).
. "$(dirname "$0")/tap.sh"
log=$BUILD/kunit-uml.log
[ -f "$log" ] || bail "no $log: run make check"
cases=$(sed -n 's/^\[[0-9:]*\] \[\(PASSED\|FAILED\|SKIPPED\|CRASHED\)\] \([a-z0-9_]*\)\( (.*)\)\{0,1\}$/\1 \2/p' "$log")
n=$(echo "$cases" | grep -c .)
plan $((n + 2))
[ "$n" -ge 8 ]
ok $? "kunit.py ran the suite's cases ($n) (log: $log)" "$(tail -n 20 "$log")"
while read -r verdict name; do
	[ "$verdict" = PASSED ]
	ok $? "kunit.py: $name ($verdict)" "$(grep -A8 "# $name:" "$log" | head -12)"
done <<EOF_CASES
$cases
EOF_CASES
grep -q "^kunit.py exit status 0$" "$log" &&
	grep -q "Testing complete\. Ran $n tests: passed: $n$" "$log"
ok $? "kunit.py: $(sed -n 's/.*\(Testing complete\..*\)/\1/p' "$log" | tail -n 1), $(tail -n 1 "$log")"
