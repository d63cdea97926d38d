#!/bin/sh
# A return address at the very end of a function: ksz_noreturn_caller()
# (guest/ksz-mod) ends in a call to a noreturn function, and its thread
# stays parked there.  /proc/PID/stack prints its frame with %pB, which
# must name the function with an offset equal to its size, patched
# "ksz_noreturn_caller+0xS/0xS" with S its st_size in the .ko (readelf);
# unpatched, the same name and offset with the distance to the next
# symbol as size.
. "$(dirname "$0")/tap.sh"
set -f
plan 3
need_boots
ksz_module_syms
size=$(awk '$8 == "ksz_noreturn_caller" { print $3; exit }' "$tmp/syms")
case $size in 0x*) size=$((size)) ;; esac
[ "${size:-0}" -gt 0 ]
ok $? "the .ko: ksz_noreturn_caller has a size (${size:-none})"
frame() {
	tr -d '\r' < "$BUILD/boot/$1.log" |
		sed -n 's/^KSZSTACK .*\] \(ksz_noreturn_caller+[^ ]*\).*/\1/p' | head -n 1
}
s=$(printf '%x' "${size:-0}")
is "$(frame patched)" "ksz_noreturn_caller+0x$s/0x$s" \
	"patched: the frame at the function's end, offset = st_size = size"
base=$(frame base)
case $base in
"ksz_noreturn_caller+0x$s/"*) r=0 ;;
*) r=1 ;;
esac
ok $r "unpatched: the same name and offset (${base:-no frame})"
