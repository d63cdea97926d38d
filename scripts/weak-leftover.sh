#!/bin/sh
# Where the overridden weak function of the ksz-weak test module lies in
# the module's text: read from ksz_weak_default.o (which has its symbol)
# and the .ko (which places that object's text).  Prints shell
# assignments: WEAK_LEFTOVER, WEAK_SIZE (the weak function's start and
# size) and WEAK_MCOUNT (its mcount/fentry record), offsets into the
# .ko's .text, in hex.
# Usage: weak-leftover.sh MODULE_BUILD_DIR
set -eu
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
dir=$1
obj=$dir/ksz_weak_default.o
ko=$dir/ksz_weak.ko
[ -f "$obj" ] && [ -f "$ko" ] || die "weak-leftover: no $obj or $ko"

# value and size of a .text symbol of an object, in decimal
sym() { nm -S "$1" | awk -v n="$2" '$NF == n && NF == 4 { print $1, $2; exit }'; }
hex() { printf '%d' "0x$1"; }

set -- $(sym "$obj" ksz_weak_hook)
[ $# = 2 ] || die "weak-leftover: no sized ksz_weak_hook in $obj"
hook=$(hex "$1") size=$(hex "$2")
set -- $(sym "$obj" ksz_weak_before)
[ $# = 2 ] || die "weak-leftover: no ksz_weak_before in $obj"
before_obj=$(hex "$1")
set -- $(sym "$ko" ksz_weak_before)
[ $# = 2 ] || die "weak-leftover: no ksz_weak_before in $ko"
delta=$(($(hex "$1") - before_obj))

# the object's mcount records: relocations of __mcount_loc into .text
mcount=$(readelf -rW "$obj" | awk -v lo="$hook" -v hi="$((hook + size))" '
	/^Relocation section/ { inloc = ($3 ~ /__mcount_loc/) }
	inloc && $(NF - 2) == ".text" && $(NF - 1) == "+" {
		a = 0; h = tolower($NF)
		for (i = 1; i <= length(h); i++)
			a = a * 16 + index("0123456789abcdef", substr(h, i, 1)) - 1
		if (a >= lo && a < hi) { print a; exit }
	}')
[ -n "$mcount" ] || die "weak-leftover: no mcount record inside ksz_weak_hook in $obj"

printf 'WEAK_LEFTOVER=%#x\nWEAK_SIZE=%#x\nWEAK_MCOUNT=%#x\n' \
	$((hook + delta)) "$size" $((mcount + delta))
