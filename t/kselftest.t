#!/bin/sh
# The series' kselftest (tools/testing/selftests/kallsyms), installed as
# "make -C tools/testing/selftests TARGETS=kallsyms install" installs it
# and run in the guest by run_kselftest.sh with no arguments, as root: its
# KTAP (under the runner's "# ") is this test's TAP, so prove counts every
# check.  In the patched guest nothing may be skipped: the test loads its
# own module, and finds the booted vmlinux where perf looks for it.  The
# unpatched guest ran the same installation; its verdicts are shown.
. "$(dirname "$0")/tap.sh"
need_boots

# ksft KERNEL: run_kselftest.sh's output in that guest
ksft() { guest_section KSFT <"$BUILD/boot/$1.log"; }
# the program's own KTAP, from under the runner's "# "
inner() { ksft "$1" | sed -n 's/^# //p' | grep -v '^# '; }
out=$(inner patched)
if ! echo "$out" | grep -q '^1\.\.[0-9]'; then
	bail "no kselftest KTAP in $BUILD/boot/patched.log"
fi
results=$(echo "$out" | grep -E '^(not )?ok [0-9]+ ')
n=$(echo "$results" | grep -c .)
declared=$(echo "$out" | sed -n 's/^1\.\.//p')
skips=$(echo "$results" | grep -E '# SKIP')
plan $((n + 3))
echo "$results"
tap_n=$n

[ -z "$skips" ] && [ "$n" = "$declared" ]
ok $? "kselftest: all $declared checks ran, none skipped" "ran: $n
$skips"
echo "$results" | grep -i 'module' | grep -qv '^not ok\|# SKIP'
ok $? "kselftest: its module checks ran and passed" \
	"$(echo "$results" | grep -i module)"
runner=$(ksft patched | grep -E '^(not )?ok [0-9]+ selftests: kallsyms: ')
is "$runner" "ok 1 selftests: kallsyms: kallsyms_sizes" \
	"run_kselftest.sh: the kallsyms collection passes"

# the unpatched kernel's verdicts, shown
diag "unpatched: $(ksft base | grep -E '^(not )?ok [0-9]+ selftests: ')"
inner base | grep -E '^(not )?ok [0-9]+ |^# (SKIP|exiting)|skip' | head -20 |
	while read -r line; do diag "unpatched: $line"; done
