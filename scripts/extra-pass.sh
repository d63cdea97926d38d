#!/bin/sh
# Link one kernel build's vmlinux twice more: as usual, then with
# KALLSYMS_EXTRA_PASS=1, which adds a third kallsyms pass.  Keep each
# link's log (link-2.log, link-3.log), the bytes of its kallsyms tables
# (kallsyms-tables.2, .3) and the first vmlinux (vmlinux.2-pass), for
# t/extra-pass.t and make matrix.  The second link is left in place, the
# boot image (KIMAGE, default bzImage) rebuilt from it.  Both links get
# the same build number and timestamp: the version string lies below the
# tables, and a longer "#10" would move them.  ARCH, CROSS_COMPILE and
# LLVM come from the environment, as kbuild reads them; NM and OBJDUMP
# are the target's (default nm, objdump).
# Usage: extra-pass.sh SRC OUT
set -eu
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
src=$(cd "$1" && pwd)
out=$(cd "$2" && pwd)

# dump SUFFIX: the bytes from the first kallsyms table to the end of the
# last one (tables are contiguous: scripts/kallsyms emits them together)
dump() {
	set -- "$1" $(${NM:-nm} -n "$out/vmlinux" |
		awk -f "$here/lo32.awk" -f "$here/kallsyms-tables.awk" |
		awk 'NR == 1 { s = $3 } { e = $3 + $2 } END { printf "%.0f %.0f\n", s, e }') \
		$(${OBJDUMP:-objdump} -h "$out/vmlinux" | awk '$2 == ".rodata" { print $4, $6 }')
	[ $# = 5 ] || die "extra-pass: no kallsyms tables or .rodata in $out/vmlinux"
	vma=$(printf '%d' "0x$(echo "$4" | tail -c 9)")
	[ "$2" -ge "$vma" ] || die "extra-pass: kallsyms tables outside .rodata"
	tail -c +$(($(printf '%d' "0x$5") + $2 - vma + 1)) "$out/vmlinux" |
		head -c $(($3 - $2)) > "$out/kallsyms-tables.$1"
}

export KBUILD_BUILD_VERSION=1 KBUILD_BUILD_TIMESTAMP="Thu Jan  1 00:00:00 UTC 2026"
rm -f "$out/vmlinux" "$out/vmlinux.unstripped"
run_logged "$out/link-2.log" make -C "$src" O="$out" vmlinux
dump 2
cp "$out/vmlinux" "$out/vmlinux.2-pass"
rm -f "$out/vmlinux" "$out/vmlinux.unstripped"
KALLSYMS_EXTRA_PASS=1 run_logged "$out/link-3.log" make -C "$src" O="$out" \
	KALLSYMS_EXTRA_PASS=1 vmlinux "${KIMAGE:-bzImage}"
dump 3
