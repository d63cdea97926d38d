#!/bin/sh
# /proc/kallsyms keeps its format on the patched kernel: every line is
# "address type name", with "\t[module]" for module symbols, as libbpf's
# sscanf() format "%llx %c %499s%*[^\n]" and perf's reader take it.  The
# guest counts the lines and those in that format (guest/init), on both
# kernels.
. "$(dirname "$0")/tap.sh"
need_boots
plan 2
for k in base patched; do
	set -- $(tr -d '\r' < "$BUILD/boot/$k.log" |
		sed -n 's/^KSZ kallsyms lines \([0-9]*\) format \([0-9]*\)$/\1 \2/p')
	[ "${1:-0}" -gt 1000 ] && [ "$1" = "${2:-}" ]
	ok $? "$k: every line of /proc/kallsyms in its format (${2:-?} of ${1:-?})"
done
