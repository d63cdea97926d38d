#!/bin/sh
# make defconfig-bytes: the bytes per symbol of the size tables on an
# x86_64 defconfig, which has KALLSYMS_ALL (as distributions build it,
# and as scripts/map-check.sh reads a listing).  Builds the unpatched defconfig
# vmlinux once (about half an hour on 2 cores), then lets make map-check
# run the series' scripts/kallsyms on its symbol table and decode every
# size.  The symbols are the unpatched kernel's: the series adds a handful.
# Usage: defconfig-bytes.sh SRC TREE WORKDIR
set -eu
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
[ -f "$1/Makefile" ] || die "defconfig-bytes: no kernel source at $1 (make tree)"
mkdir -p "$3/out"
# absolute: make -C takes O= relative to the source
src=$(cd "$1" && pwd)
tree=$(cd "$2" && pwd)
work=$(cd "$3" && pwd)
out=$work/out
if [ ! -f "$out/vmlinux" ]; then
	note "defconfig-bytes 1/2: build the unpatched x86_64 defconfig (log: $out/build.log)"
	run_logged "$out/configure.log" make -C "$src" O="$out" ARCH=x86_64 defconfig
	# map-check reads the listing as a KALLSYMS_ALL kernel's
	grep -q '^CONFIG_KALLSYMS_ALL=y$' "$out/.config" ||
		die "defconfig-bytes: this tree's x86_64 defconfig has no KALLSYMS_ALL ($out/.config)"
	run_logged "$out/build.log" make -C "$src" O="$out" ARCH=x86_64 -j"$(nproc)" vmlinux ||
		die "defconfig-bytes: build failed, see $out/build.log"
else
	note "defconfig-bytes 1/2: $out/vmlinux already built"
fi
nm -n -S "$out/vmlinux" >"$work/vmlinux.nm"
note "defconfig-bytes 2/2: map-check of its symbol table (work: $work/map-check)"
"$here/map-check.sh" "$tree" "$work/vmlinux.nm" "$work/map-check"
