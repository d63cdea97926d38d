#!/bin/sh
# perf, built from the patched tree (scripts/build-perf.sh), run in both
# guests without a vmlinux (guest/init): where it ends a vmlinux function
# that has a hole after it and a module function, whether perf probe takes
# func+off in the hole, and perf test's check of vmlinux against kallsyms
# (with the vmlinux back).  Truth: the ELF symbol tables of the booted
# vmlinux and of the module.  On the patched kernel perf reads
# /proc/kallsyms_sizes; on the unpatched one it must behave as before:
# a symbol ends where the next one starts.
. "$(dirname "$0")/tap.sh"
for k in base patched; do
	need_boot "$BUILD/boot/$k.log"
	grep -q '^KSZ-PERF-BEGIN' "$BUILD/boot/$k.log" ||
		bail "no perf results in $BUILD/boot/$k.log"
done
for f in "$BUILD/out-patched/vmlinux" "$BUILD/out-base/vmlinux" \
	"$BUILD/out-patched/ksz-mod/ksz_noreturn.ko" "$BUILD/out-base/ksz-mod/ksz_noreturn.ko"; do
	[ -f "$f" ] || bail "no $f: run make check (or scripts/prepare.sh)"
done
# an empty series (KSRC= without the patches) has no sizes to read
nm "$BUILD/out-patched/vmlinux" | grep -q ' kallsyms_sizes$' ||
	{ echo "1..0 # SKIP the patched kernel has no kallsyms_sizes"; exit 0; }
plan 13
# param KERNEL NAME: what pick-hole.sh chose for that kernel's guest
param() { sed -n "s/^$2=//p" "$BUILD/boot/$1.cpio.d/params"; }
spec=$(param base HOLE_SPEC)
valid=$(param base VALID_SPEC)
[ -n "$spec" ] && [ -n "$valid" ] || bail "no HOLE_SPEC: scripts/pick-hole.sh found no hole"
[ "$(param patched HOLE_SPEC)" = "$spec" ] && [ "$(param patched VALID_SPEC)" = "$valid" ] ||
	bail "the two guests probed different places: $spec, $(param patched HOLE_SPEC)"
func=${spec%%+*}
mod=ksz_noreturn_caller

# perf_lines KERNEL WHAT: the guest's KSZP lines of one kind, CRs dropped
perf_lines() { tr -d '\r' <"$BUILD/boot/$1.log" | sed -n "s/^KSZP $2 //p"; }
# extent KERNEL SYMBOL: "START END" as perf kallsyms printed them
extent() {
	perf_lines "$1" kallsyms |
		sed -n "s/^$2: .* \(0x[0-9a-f]*\)-\(0x[0-9a-f]*\) (.*/\1 \2/p"
}
# elf_size FILE SYMBOL: st_size, by nm
elf_size() {
	nm -S "$1" | awk -v s="$2" '$4 == s { print "0x" $2; exit }' |
		{ read -r v && printf '0x%x\n' $((v)); }
}
# elf_next FILE SYMBOL: the address of the first symbol above SYMBOL's
elf_next() {
	nm -n "$1" | awk -v s="$2" '
		$3 == s { a = $1; next }
		a != "" && $1 != a { print "0x" $1; exit }'
}
# truth VALUE WHAT: no truth from the ELF files, no test
truth() { [ -n "$1" ] || bail "no $2"; }
# size_of KERNEL SYMBOL: END - START as perf has it, in hex
size_of() {
	extent "$1" "$2" | awk -f "$TOP/scripts/lo32.awk" -f "$TOP/scripts/extent-size.awk"
}

vml=$BUILD/out-patched/vmlinux
want=$(elf_size "$vml" "$func")
truth "$want" "ELF size of $func in $vml"
is "$(size_of patched "$func")" "$want" \
	"patched: perf ends $func at its ELF size (the hole after it is not in it)"
ko=$BUILD/out-patched/ksz-mod/ksz_noreturn.ko
want=$(elf_size "$ko" $mod)
truth "$want" "ELF size of $mod in $ko"
is "$(size_of patched $mod)" "$want" \
	"patched: perf ends module function $mod at its ELF size"

vml=$BUILD/out-base/vmlinux
want=$(elf_next "$vml" "$func")
truth "$want" "symbol after $func in $vml"
is "$(extent base "$func" | cut -d' ' -f2)" "$want" \
	"unpatched: perf ends $func where the next symbol starts, as before"
want=$(elf_size "$BUILD/out-base/ksz-mod/ksz_noreturn.ko" $mod)
truth "$want" "ELF size of $mod in the unpatched build's module"
got=$(size_of base $mod)
[ -n "$got" ] && [ $((got)) -gt $((want)) ]
ok $? "unpatched: perf takes module function $mod for larger than its ELF size, as before" \
	"ELF size $want, perf: ${got:-no extent}"

# probe_rc KERNEL SPEC: perf probe's exit status; probe_msg: its message
probe_rc() { perf_lines "$1" probe | sed -n "s/^$2 rc=\([0-9]*\).*/\1/p"; }
probe_msg() { perf_lines "$1" probe | sed -n "s/^$2 rc=[0-9]* //p"; }
rc=$(probe_rc patched "$spec")
[ -n "$rc" ] && [ "$rc" != 0 ] && probe_msg patched "$spec" | grep -q 'bigger than the size'
ok $? "patched: perf probe refuses $spec, past $func's end, itself" \
	"rc=${rc:-none} $(probe_msg patched "$spec")"
is "$(probe_rc base "$spec")" 0 "unpatched: perf probe takes $spec, as before"
is "$(probe_rc patched "$valid")" 0 "patched: perf probe takes $valid"
is "$(probe_rc base "$valid")" 0 "unpatched: perf probe takes $valid"

# perf test: the verdict of "vmlinux symtab matches kallsyms", and what it
# checked of /proc/kallsyms_sizes
verdict() {
	perf_lines "$1" test | sed -n "s/.*: ${2:-vmlinux symtab matches kallsyms} *: \([A-Za-z!]*\)\$/\1/p" |
		tail -n 1
}
is "$(verdict patched)" Ok "patched: perf test 'vmlinux symtab matches kallsyms' passes"
is "$(verdict base)" Ok "unpatched: perf test 'vmlinux symtab matches kallsyms' passes"
sizes=$(perf_lines patched test | sed -n 's/.*kallsyms_sizes: \([0-9]*\) sizes checked, \([0-9]*\) wrong.*/\1 \2/p')
checked=${sizes% *} wrong=${sizes#* }
[ "${checked:-0}" -gt 1000 ] && [ "$wrong" = 0 ]
ok $? "patched: perf test compared the sizes with vmlinux's: ${checked:-none} checked, ${wrong:-?} wrong"

# perf test "kallsyms symbol sizes": perf's reader on made-up listings,
# the sized one with a linker-script alias at a function's start (the
# function keeps its name and size) and the one without sizes (a symbol
# ends at the next): it needs no kernel support, so passes on both
is "$(verdict patched 'kallsyms symbol sizes')" Ok "patched guest: perf test 'kallsyms symbol sizes' passes"
is "$(verdict base 'kallsyms symbol sizes')" Ok "unpatched guest: perf test 'kallsyms symbol sizes' passes"
