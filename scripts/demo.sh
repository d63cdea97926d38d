#!/bin/sh
# The demo: one real hole of the booted kernel, and what the unpatched and
# the patched kernel make of it, side by side.  Reads what prepare.sh left
# in $BUILD (the hole picked from the booted vmlinux, both console logs).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
: "${BUILD:?}"
params=$BUILD/boot/base.cpio.d/params
[ -f "$params" ] || die "demo: no $params (make prepare failed?)"
. "$params"
func=${HOLE_SPEC%%+*}
today=$("$BUILD/bin/holes" -l "$BUILD/out-base/vmlinux" |
	awk -v f="$func" -v spec="$HOLE_SPEC" '$1 == "hole" && $4 ~ "^" f "\\+" {
		sub(/.*\//, "", $4); print spec "/" $4; exit }')
summary=$("$BUILD/bin/holes" "$BUILD/out-base/vmlinux")

# booted KERNEL: true if KERNEL's guest booted; else says how it ended
booted() {
	s=$(cat "$BUILD/boot/$1.log.status" 2>/dev/null || echo "not booted")
	[ "$s" = ok ] || { echo "(boot: $s)"; return 1; }
}
verdict() {
	booted "$2" || return 0
	tr -d '\r' <"$BUILD/boot/$2.log" | sed -n "s/^KSZ kprobe $1 [^ ]* \(.*\)/\1/p"
}
if nm "$BUILD/out-patched/vmlinux" | grep -q ' kallsyms_sizes$'; then
	rule="$HOLE_SPEC/$HOLE_ELF_SIZE: past its end"
else
	rule="(series not applied: no kallsyms_sizes in vmlinux)"
fi

echo "Text gaps of the booted vmlinux: $summary"
echo "A hole: $HOLE_ADDR, after $func (ELF size $HOLE_ELF_SIZE)"
echo
printf '%-32s %-38s %s\n' "" "unpatched" "patched"
printf '%-32s %-38s %s\n' "kallsyms lookup" "$today" "$rule"
printf '%-32s %-38s %s\n' "kprobe $HOLE_SPEC" "$(verdict hole base)" \
	"$(verdict hole patched)"
printf '%-32s %-38s %s\n' "kprobe $VALID_SPEC" "$(verdict valid base)" \
	"$(verdict valid patched)"
# from guest/init: a return address at the end of a function that ends in
# a noreturn call, in /proc/PID/stack; from the kselftest's messages,
# /proc/kallsyms_sizes against the ELF symbol table of the booted vmlinux
frame() {
	tr -d '\r' <"$BUILD/boot/$1.log" | sed -n 's/^KSZSTACK //p' |
		grep -o 'ksz_noreturn_caller+0x[0-9a-f]*/0x[0-9a-f]*' | tail -1
}
sizes() {
	r=$(tr -d '\r' <"$BUILD/boot/$1.log" |
		sed -n 's/^# # vmlinux: \([0-9]*\) symbols of ELF size, 0 not.*/\1 symbols, each its ELF size/p')
	r=${r%%
*}
	echo "${r:-absent}"
}
printf '%-32s %-38s %s\n' "noreturn caller on a stack" "$(frame base)" "$(frame patched)"
# from guest/init: %pS of the leftover of an overridden weak function in
# the ksz_weak module (its address differs between the kernels)
weak() {
	tr -d '\r' <"$BUILD/boot/$1.log" | sed -n 's/^KSZ weak leftover [0-9a-f]* //p' | head -1
}
printf '%-32s %-38s %s\n' "%pS of a weak leftover" "$(weak base)" "$(weak patched)"
# from guest/init: %pS in the padding after a function of ksz_noreturn,
# and one past its end, where an x86 oops in int3 padding points
padding() {
	tr -d '\r' <"$BUILD/boot/$1.log" | sed -n 's/^KSZ padding //p' | head -1 |
		awk -v i="$2" '{ print $(2 * i - 1), $(2 * i) }'
}
printf '%-32s %-38s %s\n' "%pS in padding after a function" "$(padding base 1)" "$(padding patched 1)"
printf '%-32s %-38s %s\n' "%pS of an oops RIP in padding" "$(padding base 2)" "$(padding patched 2)"
printf '%-32s %-38s %s\n' "/proc/kallsyms_sizes" "$(sizes base)" "$(sizes patched)"
# from guest/init: perf (built from the patched tree) without a vmlinux
perf_size() {
	booted "$1" || return 0
	tr -d '\r' <"$BUILD/boot/$1.log" |
		sed -n "s/^KSZP kallsyms $func: .* \(0x[0-9a-f]*\)-\(0x[0-9a-f]*\) (.*/\1 \2/p" |
		awk -f "$here/lo32.awk" -f "$here/extent-size.awk"
}
perf_probe() {
	booted "$1" || return 0
	tr -d '\r' <"$BUILD/boot/$1.log" | sed -n "
		s/^KSZP probe $HOLE_SPEC rc=0 .*/accepted/p
		s/^KSZP probe $HOLE_SPEC rc=[1-9][0-9]* .*bigger than the size.*/refused by perf/p
		s/^KSZP probe $HOLE_SPEC rc=\([1-9][0-9]*\)\( .*\)\{0,1\}$/failed, exit \1/p"
}
printf '%-32s %-38s %s\n' "perf: size of $func" "$(perf_size base)" "$(perf_size patched)"
printf '%-32s %-38s %s\n' "perf probe $HOLE_SPEC" "$(perf_probe base)" "$(perf_probe patched)"
echo
echo "Console logs: $BUILD/boot/base.log $BUILD/boot/patched.log"
