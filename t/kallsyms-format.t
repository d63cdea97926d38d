#!/bin/sh
# /proc/kallsyms keeps its format on the patched kernel: the guest counts
# its lines and those that read "address type name", with "\t[module]"
# for module symbols, as libbpf's sscanf() format "%llx %c %499s%*[^\n]"
# and perf's reader take them (guest/init), and lists the others without
# their address.  The patched kernel may have no other line than the
# unpatched one has.
. "$(dirname "$0")/tap.sh"
need_boots
plan 3
other() {
	tr -d '\r' < "$BUILD/boot/$1.log" | sed -n 's/^KSZ kallsyms other //p' | sort
}
for k in base patched; do
	set -- $(tr -d '\r' < "$BUILD/boot/$k.log" |
		sed -n 's/^KSZ kallsyms lines \([0-9]*\) format \([0-9]*\)$/\1 \2/p')
	[ "${1:-0}" -gt 1000 ] && [ $((${1:-0} - ${2:-0})) -le 20 ]
	ok $? "$k: ${2:-?} of ${1:-?} lines of /proc/kallsyms in that format" \
		"$(other $k)"
done
other base >"$BUILD/boot/kallsyms-other-base.txt"
new=$(other patched | comm -23 - "$BUILD/boot/kallsyms-other-base.txt")
[ -z "$new" ]
ok $? "patched: no line in another format than the unpatched kernel has" "$new
unpatched: $(cat "$BUILD/boot/kallsyms-other-base.txt")"
