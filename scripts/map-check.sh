#!/bin/sh
# make map-check: run the series' scripts/kallsyms on an "nm -n -S" listing
# (plain or .xz), filtered by the tree's scripts/mksysmap as the kernel
# build does, assemble the output, and let tools/sizes-decode decode the
# size tables and compare every size with the listing.  The listing is
# taken as a KALLSYMS_ALL kernel's (--all-symbols), 64-bit (--pc-relative).
# Usage: map-check.sh TREE LISTING WORKDIR (LISTING "": the Debian fixture)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
tree=$1
map=${2:-$(find_fixture)}
work=$3
: "${BUILD:=$here/../build}"

[ -n "$map" ] || die "map-check: no listing: give MAP=<nm -n -S listing> (no Debian fixture found)"

[ -f "$tree/scripts/kallsyms.c" ] || die "map-check: no kernel tree at $tree (make tree)"
[ -f "$map" ] || die "map-check: no listing $map"
mkdir -p "$work"
case $map in
*.xz) xz -dc "$map" ;;
*) cat "$map" ;;
esac | sed -f "$tree/scripts/mksysmap" > "$work/listing"
[ -s "$work/listing" ] || die "map-check: $map has no symbols"

${CC:-cc} -O2 -I "$tree/scripts/include" -o "$work/kallsyms" \
	"$tree/scripts/kallsyms.c"
"$work/kallsyms" --all-symbols --pc-relative "$work/listing" > "$work/kallsyms.S" ||
	die "map-check: scripts/kallsyms rejected $map"
${CC:-cc} -c -o "$work/kallsyms.o" "$work/kallsyms.S"
"$BUILD/bin/sizes-decode" "$work/kallsyms.o" "$work/listing"
