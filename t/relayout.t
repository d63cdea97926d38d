#!/bin/sh
# The kallsyms tables must be as large in every link pass: their size may
# depend on the symbols and their sizes, never on an address that another
# pass moves (scripts/link-vmlinux.sh).  Run the series' scripts/kallsyms
# on the Debian fixture and on relayouts of it where symbols move as a
# relink moves them and the tables' own labels have other sizes, as the
# previous pass's tables had; compare the size of what it emits.  Each
# relayout is also decoded against its own listing.
. "$(dirname "$0")/tap.sh"
[ -n "$fixture" ] || { echo "1..0 # SKIP no Debian fixture (set FIXTURE=)"; exit 0; }
tree=$BUILD/tree
[ -f "$tree/scripts/kallsyms.c" ] || bail "no kernel tree at $tree: run make check"
seeds="1 2 3 4"
plan 12
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
# labels MAP: the lines of the kallsyms table labels
labels() { grep ' kallsyms_[a-z_]*$' "$tmp/$1.map" | awk '{ $1 = ""; print }'; }

set -- $(tables base)
base_size=$1
diag "fixture: .rodata of the tables $base_size bytes"
is "$2" 0 "fixture: every size decodes exactly"

for s in $seeds; do
	relayout "r$s" "$s"
	moved=$(cmp -l "$tmp/base.map" "$tmp/r$s.map" 2>/dev/null | wc -l)
	set -- $(tables "r$s")
	diag "relayout $s: $moved bytes of the listing changed, tables $1 bytes"
	[ "$moved" -gt 10000 ] && ! cmp -s "$tmp/base.S" "$tmp/r$s.S" &&
		[ "$(labels base)" != "$(labels "r$s")" ]
	ok $? "relayout $s moves symbols above the tables, resizes their labels and changes the tables"
	is "$1 $2" "$base_size 0" "relayout $s: same size, every size exact"
done

# Moving every symbol, the text too, changes nothing either: no entry
# depends on an address (arm veneers and riscv relaxation do move text).
relayout text 5 _stext
set -- $(tables text)
is "$1 $2" "$base_size 0" "relayout from _stext: same size, every size exact"

# The controls: the size does follow what it must depend on.  A large
# symbol (64 KiB or more, nothing nested in it) whose size fits in
# kallsyms_sizes[] takes one entry (8 bytes) less in kallsyms_escaped_sizes[]...
cat > "$tmp/small.awk" <<'AWK'
{ line[NR] = $0; nf[NR] = NF; a[NR] = lo32($1); sz[NR] = NF == 4 ? lo32($2) : 0
  big[NR] = NF == 4 && $2 ~ /[1-9a-f]....$/ && $NF !~ /^kallsyms_/ }
END {
	for (i = 1; i < NR && !x; i++)
		if (big[i] && a[i + 1] >= a[i] + sz[i])
			x = i
	for (i = 1; i <= NR; i++) {
		if (i == x) {
			split(line[i], f, " ")
			line[i] = f[1] " " sprintf("%0" length(f[2]) "x", 256) " " f[3] " " f[4]
		}
		print line[i]
	}
}
AWK
awk -f "$TOP/scripts/lo32.awk" -f "$tmp/small.awk" "$tmp/base.map" > "$tmp/small.map"
set -- $(tables small)
is "$1 $2" "$((base_size - 8)) 0" "control: one size of 64 KiB less takes 8 bytes less ($base_size -> $1)"
# ... and a function moved into the sized function before it (W, X, and
# what follows X starts past X's end) is nested: 8 bytes more in
# kallsyms_nested[].
cat > "$tmp/nest.awk" <<'AWK'
{ line[NR] = $0; nf[NR] = NF; a[NR] = $1; sz[NR] = NF == 4 ? lo32($2) : 0
  ty[NR] = NF == 4 ? $3 : $2 }
END {
	for (i = 1; i + 2 <= NR && !x; i++)
		if (nf[i] == 4 && nf[i + 1] == 4 && ty[i] ~ /^[tT]$/ &&
		    ty[i + 1] ~ /^[tT]$/ && sz[i] >= 16 && sz[i + 1] &&
		    lo32(a[i + 2]) >= lo32(a[i + 1]) + sz[i + 1])
			x = i + 1
	for (i = 1; i <= NR; i++) {
		if (i == x) {
			n = split(line[i], f, " ")
			f[1] = sprintf("%s%08x", substr(a[i - 1], 1, length(a[i - 1]) - 8),
				       lo32(a[i - 1]) + 8)
			line[i] = f[1] " " f[2] " " f[3] " " f[4]
		}
		print line[i]
	}
}
AWK
awk -f "$TOP/scripts/lo32.awk" -f "$tmp/nest.awk" "$tmp/base.map" > "$tmp/nest.map"
set -- $(tables nest)
is "$1 $2" "$((base_size + 8)) 0" "control: one more nested symbol adds 8 bytes ($base_size -> $1)"
