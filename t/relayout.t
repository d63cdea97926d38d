#!/bin/sh
# The kallsyms tables must be as large in every link pass: their size may
# depend on the symbols and their sizes, never on an address that another
# pass moves (scripts/link-vmlinux.sh).  Run the series' scripts/kallsyms
# on the Debian fixture and on relayouts of it where every symbol at or
# after the tables moves, as a relink moves them, and compare the size of
# what it emits.  Each relayout is also decoded against its own listing.
. "$(dirname "$0")/tap.sh"
[ -n "$fixture" ] || { echo "1..0 # SKIP no Debian fixture (set FIXTURE=)"; exit 0; }
tree=$BUILD/tree
[ -f "$tree/scripts/kallsyms.c" ] || bail "no kernel tree at $tree: run make check"
seeds="1 2 3 4"
plan 11
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

${CC:-cc} -O2 -I "$tree/scripts/include" -o "$tmp/kallsyms" "$tree/scripts/kallsyms.c" ||
	bail "cannot build $tree/scripts/kallsyms.c"
xz -dc "$fixture" | sed -f "$tree/scripts/mksysmap" > "$tmp/base.map"

# tables NAME: emit and assemble the tables of NAME.map; print the size
# of their .rodata and the decoder's verdict on every size
tables() {
	"$tmp/kallsyms" --all-symbols --pc-relative "$tmp/$1.map" > "$tmp/$1.S" &&
		${CC:-cc} -c -o "$tmp/$1.o" "$tmp/$1.S" || return 1
	rodata=$(size -A "$tmp/$1.o" | awk '$1 == ".rodata" { print $2 }')
	mism=$("$BUILD/bin/sizes-decode" "$tmp/$1.o" "$tmp/$1.map" |
		sed -n 's/.*mismatches=\([0-9]*\).*/\1/p')
	echo "$rodata ${mism:-?}"
}
relayout() {
	awk -v seed="$2" -v from="${3:-}" -f "$TOP/scripts/lo32.awk" \
		-f "$TOP/scripts/relayout.awk" "$tmp/base.map" > "$tmp/$1.map"
}

set -- $(tables base)
base_size=$1
diag "fixture: .rodata of the tables $base_size bytes"
is "$2" 0 "fixture: every size decodes exactly"

for s in $seeds; do
	relayout "r$s" "$s"
	moved=$(cmp -l "$tmp/base.map" "$tmp/r$s.map" 2>/dev/null | wc -l)
	set -- $(tables "r$s")
	diag "relayout $s: $moved bytes of the listing changed, tables $1 bytes"
	[ "$moved" -gt 10000 ] && ! cmp -s "$tmp/base.S" "$tmp/r$s.S"
	ok $? "relayout $s moves symbols above the tables and changes the tables"
	is "$1 $2" "$base_size 0" "relayout $s: same size, every size exact"
done

# The control: moving symbols below the tables, which no link pass does,
# changes which padding codes fit, and so the size; the check above
# would see an encoder that depends on such addresses.
relayout below 1 _stext
set -- $(tables below)
diag "relayout from _stext: tables $1 bytes"
[ "$1" != "$base_size" ] && [ "$2" = 0 ]
ok $? "control: moving symbols below the tables changes their size ($base_size -> $1)"
# ... and the tables sit where the check expects them: the fixture's own
# kallsyms_num_syms lies above the end of the text
lo() { printf '%d' "0x$(awk -v n="$1" '$NF == n { print substr($1, length($1) - 7) }' "$tmp/base.map")"; }
[ "$(lo kallsyms_num_syms)" -gt "$(lo _etext)" ]
ok $? "fixture: the kallsyms tables lie above the text"
