#!/bin/sh
# The series' ftracetest case, test.d/kprobe/kprobe_func_end.tc, run in
# each guest by ftracetest itself (-K: KTAP): it finds a function with a
# gap after it in /proc/kallsyms_sizes, and checks that a kprobe at the
# function's start is taken and one at its end, in the gap, refused.
# Patched it must pass; unpatched it has no /proc/kallsyms_sizes and must
# say it is unsupported (shown).
. "$(dirname "$0")/tap.sh"
need_boots
plan 3
ftc() { guest_section FTC <"$BUILD/boot/$1.log"; }
verdict() { ftc "$1" | grep -E '^(not )?ok [0-9]+ ' | head -n 1; }
p=$(verdict patched)
[ "$p" = "ok 1 Kprobe event past the end of a function is refused" ]
ok $? "patched: ftracetest passes kprobe_func_end.tc (${p:-no verdict})" \
	"$(ftc patched | tail -n 30)"
# what it probed, from its own output (-v)
what=$(ftc patched | grep -m1 ' bytes long, followed by a gap$')
[ -n "$what" ]
ok $? "patched: the case found its function in /proc/kallsyms_sizes: $what"
b=$(verdict base)
case $b in
"ok 1 "*"# SKIP"*) r=0 ;;
*) r=1 ;;
esac
ok $r "unpatched: unsupported, as it has no /proc/kallsyms_sizes (${b:-no verdict})"
