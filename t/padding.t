#!/bin/sh
# Addresses in the alignment padding after a function (guest/ksz-mod):
# the last byte before ksz_pad_next, and ksz_pad_fn's end + 1, the RIP of
# an oops on x86 when a function falls through into its int3 padding.
# Each must still be named after the function before it, with its offset,
# and, patched, with that function's st_size, so that the offset at or
# past the size shows it lies outside (Documentation/core-api/kallsyms.rst).
# Unpatched, the size was the distance to the next symbol.  The truth is
# the .ko's symbol table (readelf), through t/nearest-symbol.awk.
. "$(dirname "$0")/tap.sh"
# word splitting below must not expand "[module]" as a pattern
set -f
plan 6
need_boots
ksz_module_syms
rip=$(sed -n 's/^PAD_RIP=//p' "$BUILD/boot/patched.cpio.d/params")
[ -n "$rip" ] || bail "no PAD_RIP in the patched initramfs' params"

# value and section index of a symbol of the .ko
sym() {
	awk -f "$TOP/scripts/lo32.awk" -f /dev/stdin -v n="$1" "$tmp/syms" <<'AWK'
$8 == n { print lo32($2), $7; exit }
AWK
}
set -- $(sym ksz_pad_fn)
fn=$1 ndx=$2
set -- $(sym ksz_pad_next)
next=$1
[ -n "$fn" ] && [ -n "$next" ] || bail "no ksz_pad_fn or ksz_pad_next in $ko"

# expect OFFSET WHICH: "name+0xOFF/0xSIZE [ksz_noreturn]", WHICH = elf|dist
expect() {
	awk -f "$TOP/scripts/lo32.awk" -f "$TOP/t/nearest-symbol.awk" \
		-v ndx="$ndx" -v addr="$1" "$tmp/syms" |
		awk -v w="$2" '{ printf "%s+0x%x/0x%x [ksz_noreturn]", $1, $2, w == "elf" ? $3 : $4 }'
}
last=$((next - 1)) end1=$((fn + rip))
line() { tr -d '\r' < "$BUILD/boot/$1.log" | sed -n 's/^KSZ padding //p' | head -1; }
diag "unpatched: $(line base)"
diag "patched:   $(line patched)"

set -- $(awk -f "$TOP/scripts/lo32.awk" -f "$TOP/t/nearest-symbol.awk" \
	-v ndx="$ndx" -v addr="$last" "$tmp/syms")
[ "${1:-}" = ksz_pad_fn ] && [ "${2:-0}" -ge "${3:-0}" ]
ok $? "the .ko: padding after ksz_pad_fn up to ksz_pad_next ($*)"

set -- $(line patched)
is "${1:-} ${2:-} ${3:-} ${4:-}" "$(expect $last elf) $(expect $end1 elf)" \
	"patched: both named after ksz_pad_fn, offset past its st_size"
set -- $(line base)
is "${1:-} ${2:-} ${3:-} ${4:-}" "$(expect $last dist) $(expect $end1 dist)" \
	"unpatched: the same names and offsets, the distance to the next symbol as size"

# the rule as a reader applies it: offset >= size means outside
outside() {
	echo "$1" | sed -n 's/.*+0x\([0-9a-f]*\)\/0x\([0-9a-f]*\)$/\1 \2/p' |
		{ read -r o s && [ $((0x$o)) -ge $((0x$s)) ]; }
}
set -- $(line patched)
outside "${1:-}"
ok $? "patched: the padding's last byte reads as outside ksz_pad_fn (${1:-})"
outside "${3:-}"
ok $? "patched: the oops-like RIP reads as outside ksz_pad_fn (${3:-})"
set -- $(line base)
outside "${3:-x+0x0/0x1}"
[ $? != 0 ]
ok $? "unpatched: the oops-like RIP reads as inside ksz_pad_fn (${3:-})"
