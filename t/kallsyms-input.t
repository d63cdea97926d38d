#!/bin/sh
# The series' scripts/kallsyms on hand-made nm listings: a symbol without
# a name (nm prints "addr t ", as for one in 32-bit arm's vmlinux) is kept,
# as it always was; malformed lines stop it with FILE:LINE and the reason.
. "$(dirname "$0")/tap.sh"
tree=$BUILD/tree
[ -f "$tree/scripts/kallsyms.c" ] || bail "no kernel tree at $tree: run make check"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
${CC:-cc} -O2 -I "$tree/scripts/include" -o "$tmp/kallsyms" "$tree/scripts/kallsyms.c" ||
	bail "cannot build $tree/scripts/kallsyms.c"
plan 5

# run NAME LINES...: scripts/kallsyms on a listing of _text and LINES
run() {
	n=$1
	shift
	{ echo "ffffffff81000000 T _text"; printf '%s\n' "$@"; } >"$tmp/$n.map"
	"$tmp/kallsyms" --all-symbols --pc-relative "$tmp/$n.map" >"$tmp/$n.S" 2>"$tmp/$n.err"
}
num_syms() { sed -n '/^kallsyms_num_syms:/{n;s/^[[:space:]]*\.long[[:space:]]*//p;}' "$tmp/$1.S"; }

run nameless "ffffffff81000010 0000000000000004 t " "ffffffff81000020 0000000000000010 T foo"
ok $? "a symbol without a name is accepted" "$(cat "$tmp/nameless.err")"
is "$(num_syms nameless)" 3 "and kept: three symbols"

# bad NAME REASON LINE: LINE is refused, with the file, line 2 and REASON
bad() {
	run "$1" "$3"
	rc=$?
	[ $rc != 0 ] && grep -q "^kallsyms: $tmp/$1.map:2: $2" "$tmp/$1.err"
	ok $? "refused: '$3' ($2)" "exit $rc: $(cat "$tmp/$1.err")"
}
bad noname "missing symbol name" "ffffffff81000010 t"
bad badtype "bad symbol type" "$(printf 'ffffffff81000010 \303 foo')"
bad badaddr "bad address" "fffffffg81000010 t foo"
