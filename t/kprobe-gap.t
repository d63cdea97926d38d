#!/bin/sh
# A kprobe at prev+off, where off lies in a real hole past prev's ELF size
# in the booted vmlinux, is accepted by the unpatched kernel (the bug) and
# rejected once the kernel knows symbol sizes.  The expectation for the
# patched kernel follows from its vmlinux: with a kallsyms_sizes table it
# must reject, without one (empty series) it behaves like the baseline.
. "$(dirname "$0")/tap.sh"
plan 6
for k in base patched; do
	need_boot "$BUILD/boot/$k.log"
done
params=$BUILD/boot/base.cpio.d/params
spec=$(sed -n 's/^HOLE_SPEC=//p' "$params")
[ -n "$spec" ] || bail "no HOLE_SPEC in $params: scripts/pick-hole.sh found no hole"
func=${spec%%+*}
off=$((${spec#*+}))

# independent truth: prev's size in the ELF symbol table, by nm
for k in base patched; do
	size=$(nm -S "$BUILD/out-$k/vmlinux" |
		awk -v f="$func" '$4 == f { print "0x" $2; exit }')
	[ -n "$size" ] && [ "$off" -ge $((size)) ]
	ok $? "$k: $spec lies past $func's ELF size (${size:-none})"
done

verdict() { sed -n "s/^KSZ kprobe $1 [^ ]* \([a-z]*\).*/\1/p" "$BUILD/boot/$2.log"; }

is "$(verdict hole base)" accepted "unpatched kernel accepts a kprobe at $spec (in a hole)"
if nm "$BUILD/out-patched/vmlinux" | grep -q ' kallsyms_sizes$'; then
	want=rejected
else
	want=accepted
fi
is "$(verdict hole patched)" $want "patched kernel: kprobe at $spec $want"
is "$(verdict valid base)" accepted "unpatched kernel accepts $func+0"
is "$(verdict valid patched)" accepted "patched kernel accepts $func+0"
