#!/bin/sh
# ftrace's records, as available_filter_functions lists them with the test
# modules loaded: the patched kernel disables no more records than the
# unpatched one (on x86_64 both disable only the leftover of ksz_weak's
# overridden weak function, which t/weak-leftover.t checks: vmlinux's
# leftovers were zeroed at build time), lists every vmlinux function that
# the unpatched kernel lists, and traces a function by name.
. "$(dirname "$0")/tap.sh"
plan 6
for k in base patched; do
	need_boot "$BUILD/boot/$k.log"
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for k in base patched; do
	tr -d '\r' < "$BUILD/boot/$k.log" > "$tmp/$k.log"
	# (a kernel message that got into a line makes it no name: dropped)
	sed -n 's/^KSZAFF \([A-Za-z0-9_.$]*\)$/\1/p' "$tmp/$k.log" | sort -u > "$tmp/$k.names"
done
counts() { sed -n 's/^KSZ ftrace records \([0-9]*\) invalid \([0-9]*\)$/\1 \2/p' "$tmp/$1.log"; }
set -- $(counts base)
bt=${1:-} bi=${2:-}
set -- $(counts patched)
pt=${1:-} pi=${2:-}
diag "records: unpatched $bt ($bi disabled), patched $pt ($pi disabled)"
[ -n "$bt" ] && [ -n "$pt" ]
ok $? "both kernels list their ftrace records"
[ -n "$bi" ] && [ -n "$pi" ] && [ "$pi" -le "$bi" ] && [ "$pi" -ge 1 ]
ok $? "patched: disabled records no more than unpatched, and the leftover's among them ($pi, $bi)"
n=$(wc -l < "$tmp/base.names")
[ "$n" -gt 1000 ]
ok $? "unpatched: $n vmlinux functions listed by name"
lost=$(comm -23 "$tmp/base.names" "$tmp/patched.names")
is "$lost" "" "patched: every vmlinux function listed unpatched is listed"
for k in base patched; do
	h=$(sed -n 's/^KSZ ftrace vfs_read hits //p' "$tmp/$k.log")
	[ "${h:-0}" -gt 0 ]
	ok $? "$k: vfs_read traced by name (${h:-no} hits)"
done
