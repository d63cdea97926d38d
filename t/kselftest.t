#!/bin/sh
# The series' kselftest (tools/testing/selftests/kallsyms), run as root in
# the patched guest: its TAP, taken from the serial console, is this
# test's TAP, so prove counts every check.  The same program ran in the
# unpatched guest; where its verdict differs it is shown as a comment.
. "$(dirname "$0")/tap.sh"
for k in base patched; do
	need_boot "$BUILD/boot/$k.log"
done

# ksft LOG: the kselftest's output between the markers, CRs dropped
ksft() {
	tr -d '\r' <"$1" | sed -n '/^KSZ-KSFT-BEGIN$/,/^KSZ-KSFT-END/p' |
		sed '1d;$d'
}
out=$(ksft "$BUILD/boot/patched.log")
if [ -z "$out" ] || ! echo "$out" | grep -q '^1\.\.[0-9]'; then
	bail "no kselftest output in $BUILD/boot/patched.log"
fi
# its results, then one more: nothing may be skipped in the patched guest,
# which has the vmlinux, the module and the noreturn function
echo "$out" | grep -v -e '^TAP version' -e '^1\.\.'
n=$(echo "$out" | grep -cE '^(not )?ok ')
skips=$(echo "$out" | grep -E '^ok [0-9]+ .*# SKIP')
declared=$(echo "$out" | sed -n 's/^1\.\.//p')
tap_n=$n
[ -z "$skips" ] && [ "$n" = "$declared" ]
ok $? "kselftest: all $declared checks ran, none skipped (kselftest exit: $(tr -d '\r' <"$BUILD/boot/patched.log" | sed -n 's/^KSZ-KSFT-END //p'))" "ran: $n
$skips"
plan $((n + 1))

# the unpatched kernel's verdicts where they differ
ksft "$BUILD/boot/base.log" | grep -E '^(not )?ok ' >"$BUILD/boot/ksft-base.txt"
echo "$out" | grep -E '^(not )?ok ' | while read -r line; do
	n=$(echo "$line" | sed -E 's/^(not )?ok ([0-9]+).*/\2/')
	b=$(grep -E "^(not )?ok $n " "$BUILD/boot/ksft-base.txt")
	v() { echo "$1" | sed -E 's/^(not ok|ok) [0-9]+ (- )?(# SKIP)?.*/\1\3/'; }
	[ "$(v "$line")" = "$(v "$b")" ] || diag "unpatched: ${b:-no result}"
done
