#!/bin/sh
# The series' KUnit suite, built into the patched guest kernel: its KTAP
# comes back over the serial console.  One TAP line per KUnit case.
# (t/kunit-uml.t runs it through kunit.py.)
. "$(dirname "$0")/tap.sh"
log=$BUILD/boot/patched.log
need_boot "$log"
# KUnit's case lines are indented by four spaces; the suite line is not
cases=$(tr -d '\r' < "$log" |
	sed -n '/^    # Subtest: kallsyms_sizes$/,/^\(not ok\|ok\) [0-9]* kallsyms_sizes$/p' |
	sed -n 's/^    \(not ok\|ok\) [0-9]* \([a-z0-9_]*\)\( # SKIP.*\)\{0,1\}$/\1 \2\3/p')
suite=$(tr -d '\r' < "$log" | sed -n 's/^\(not ok\|ok\) [0-9]* kallsyms_sizes$/\1/p')
n=$(echo "$cases" | grep -c .)
plan $((n + 2))
[ "$n" -ge 5 ]
ok $? "kallsyms_sizes suite ran its cases ($n)"
# a case that skips fails here: this kernel has KALLSYMS_ALL
while read -r line; do
	name=$(echo "$line" | sed 's/^\(not \)\{0,1\}ok \([a-z0-9_]*\).*/\2/')
	case $line in
	"ok $name") r=0 ;;
	*) r=1 ;;
	esac
	ok $r "kunit: $name${line#*"$name"}" "$(grep -A6 "# $name:" "$log" | head -12)"
done <<EOF_CASES
$cases
EOF_CASES
is "$suite" ok "kunit: suite kallsyms_sizes (console: $log)"
