#!/bin/sh
# tools/sizes-decode --vmlinux: every symbol decoded from the kallsyms
# tables of a linked image (names, addresses, sizes) is an ELF symbol of
# that image with that name, address and st_size.  On the patched vmlinux,
# on a copy of it with one byte of kallsyms_sizes[] changed (must fail),
# and on tiny images linked the way scripts/link-vmlinux.sh links the
# tables, for ELF64 and ELF32, big- and little-endian, PC-relative and
# absolute kallsyms_offsets[], where cross binutils are installed.
. "$(dirname "$0")/tap.sh"
decode=$BUILD/bin/sizes-decode
vmlinux=$BUILD/out-patched/vmlinux
tree=$BUILD/tree
[ -x "$decode" ] || bail "no $decode: run make tools"
[ -f "$vmlinux" ] || bail "no $vmlinux: run make check"
[ -f "$tree/scripts/kallsyms.c" ] || bail "no kernel tree at $tree: run make check"
plan 13
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

get() { echo "$1" | sed -n "s/.*$2=\([0-9]*\).*/\1/p"; }

# file_offset ELF SYMBOL: where SYMBOL's bytes are in the file, from its
# section's address and offset (readelf, not our decoder).  Only the low
# 32 bits of the addresses are used: a table is never 4 GiB into a section.
file_offset() {
	sym=$(readelf -s -W "$1" | awk -v s="$2" '$8 == s && $7 != "UND" { print $2, $7; exit }')
	set -- "$1" $sym	# ELF, value, section index
	readelf -S -W "$1" | sed -n 's/^ *\[ *\([0-9]*\)\] */\1 /p' |
		awk -v ndx="$3" -v a="$2" '$1 == ndx { print a, $4, $5 }' |
		while read -r a sa so; do
			echo $((0x$so + 0x$(echo "$a" | sed 's/.*\(........\)$/\1/') - \
				0x$(echo "$sa" | sed 's/.*\(........\)$/\1/')))
		done
}

# flip ELF OFFSET: xor the byte at OFFSET with 1
flip() {
	b=$(od -An -tu1 -j "$2" -N1 "$1" | tr -d ' ')
	printf "\\$(printf %o $((b ^ 1)))" | dd of="$1" bs=1 seek="$2" conv=notrunc 2>/dev/null
}

# The patched vmlinux.
out=$(nice "$decode" --vmlinux "$vmlinux" 2>"$tmp/err")
rc=$?
last=$(echo "$out" | tail -n 1)
diag "$(echo "$out" | head -n 1)"
diag "$last"
is "$rc" 0 "patched vmlinux: the decoder exits 0"
is "$(get "$last" mismatches)" 0 "patched vmlinux: every name, address and size is an ELF symbol's" \
	"$(head -n 5 "$tmp/err")"
off=$(file_offset "$vmlinux" kallsyms_num_syms)
# (the x86_64 vmlinux is little-endian, as od reads on this host)
nsyms=$(od -An -tu4 -j "${off:-0}" -N4 "$vmlinux" | tr -d ' ')
is "$(get "$last" symbols)" "$nsyms" "patched vmlinux: as many symbols as kallsyms_num_syms"
[ "${nsyms:-0}" -gt 1000 ]
ok $? "patched vmlinux: more than 1000 symbols ($nsyms)"
case $(echo "$out" | head -n 1) in
*"ELF64 little-endian, kallsyms_offsets pc-relative"*) ok 0 "patched vmlinux: read as ELF64 little-endian, PC-relative" ;;
*) ok 1 "patched vmlinux: read as ELF64 little-endian, PC-relative" ;;
esac

# A copy with one size changed: the first u16 entry of 1 to 0xfff0 from
# the middle of kallsyms_sizes[] on (little-endian: its low byte).
cp "$vmlinux" "$tmp/vmlinux"
off=$(file_offset "$vmlinux" kallsyms_sizes)
i=$(od -An -tu2 -v -j $((off + 2 * (nsyms / 2))) -N 4096 "$vmlinux" |
	awk '{ for (f = 1; f <= NF; f++) { if ($f > 0 && $f < 65520) { print n; exit } n++ } }')
flip "$tmp/vmlinux" $((off + 2 * (nsyms / 2 + i)))
out=$(nice "$decode" --vmlinux "$tmp/vmlinux" 2>"$tmp/err")
rc=$?
diag "flipped kallsyms_sizes[$((nsyms / 2 + i))]: $(head -n 1 "$tmp/err")"
[ "$rc" = 1 ] && [ "$(get "$(echo "$out" | tail -n 1)" mismatches)" -ge 1 ]
ok $? "a vmlinux with one size changed fails (exit $rc)"

"$decode" --vmlinux /dev/null > /dev/null 2>&1
rc1=$?
"$decode" "$vmlinux" "$vmlinux" > /dev/null 2>&1
is "$rc1 $?" "2 2" "bad input (not ELF; a vmlinux as an object) exits 2"

# Tiny images.  The tables are linked three times, as link-vmlinux.sh
# does: from an empty listing, then from the listing of each link; the
# last two links must agree.  The text lies below the tables, data above
# them, in a section of its own, with a label nested in a sized object.
cat > "$tmp/mini.S" <<'EOF'
	.text
	.type f_small, @function
f_small:
	.skip 10
	.size f_small, 10
	.balign 16
	.globl f_big
	.type f_big, @function
f_big:
	.skip 20
	.type f_inner, @function
f_inner:
	.skip 8
	.size f_inner, 8
	.skip 272
	.size f_big, 300
	.globl f_alias
	.set f_alias, f_big
	.size f_alias, 300
	.balign 64
	.type f_one, @function
f_one:
	.skip 1
	.size f_one, 1
f_label:
	.skip 80
	.globl f_after_hole
	.type f_after_hole, @function
f_after_hole:
	.skip 40
	.size f_after_hole, 40
	.balign 16
	.type f_last, @function
f_last:
	.skip 4
	.size f_last, 4
	.data
	.globl d_small
	.type d_small, @object
d_small:
	.skip 8
	.size d_small, 8
	.type d_big, @object
d_big:
	.skip 500
	.size d_big, 500
d_label:
	.skip 4
	.type d_last, @object
d_last:
	.skip 2
	.size d_last, 2
	.type d_outer, @object
d_outer:
	.skip 4
d_inner:
	.skip 12
	.size d_outer, 16
EOF
${CC:-cc} -O2 -I "$tree/scripts/include" -o "$tmp/kallsyms" "$tree/scripts/kallsyms.c" ||
	bail "cannot build $tree/scripts/kallsyms.c"

# mini NAME PREFIX AS_FLAGS LD_EMULATION BASE [KALLSYMS_OPTION]
mini() {
	n=$tmp/$1
	pfx=$2
	sed "s/BASE/$5/" > "$n.lds" <<'EOF'
SECTIONS {
	. = BASE;
	.text : { _text = .; _stext = .; *(.text) _etext = .; }
	.kallsyms ALIGN(0x1000) : { *(.rodata) }
	.data ALIGN(0x1000) : { *(.data) }
	_end = .;
	/DISCARD/ : { *(.note*) *(.comment) *(.eh_frame) }
}
EOF
	"${pfx}as" $3 -o "$n.o" "$tmp/mini.S" || return 1
	: > "$n.m0"
	for p in 0 1 2; do
		"$tmp/kallsyms" --all-symbols $6 "$n.m$p" > "$n.k$p.S" &&
		"${pfx}as" $3 -o "$n.k$p.o" "$n.k$p.S" &&
		"${pfx}ld" -m "$4" -T "$n.lds" -e 0 -o "$n.v$p" "$n.o" \
			"$n.k$p.o" 2>"$n.ld.log" || return 1
		"${pfx}nm" -n -S "$n.v$p" | sed -f "$tree/scripts/mksysmap" > "$n.m$((p + 1))"
	done
	cmp -s "$n.m2" "$n.m3"
}

# check NAME EXPECTED_HEADER: decode the tiny image NAME
check() {
	out=$("$decode" --vmlinux "$tmp/$1.v2" 2>"$tmp/err")
	rc=$?
	echo "$out" | head -n 1 | sed 's/^vmlinux: //; s/, tables in.*//'
	echo "$rc $(get "$(echo "$out" | tail -n 1)" mismatches) $(get "$(echo "$out" | tail -n 1)" symbols)"
}

# skip N REASON
skip() {
	i=0
	while [ $i -lt "$1" ]; do
		tap_n=$((tap_n + 1))
		echo "ok $tap_n # SKIP $2"
		i=$((i + 1))
	done
}

ppc=
for p in powerpc64-linux-gnu- powerpc64le-linux-gnu- powerpc-linux-gnu-; do
	if command -v "${p}as" > /dev/null && command -v "${p}ld" > /dev/null; then
		ppc=$p
		break
	fi
done
if [ -n "$ppc" ] &&
	mini ppc64 "$ppc" "-a64 -mbig" elf64ppc 0xc000000000000000 --pc-relative &&
	mini ppc32 "$ppc" "-a32 -mbig" elf32ppc 0xc0000000; then
	is "$(check ppc64)" "ELF64 big-endian, kallsyms_offsets pc-relative
0 0 30" "ppc64 big-endian image: every symbol decodes (${ppc}as)"
	is "$(check ppc32)" "ELF32 big-endian, kallsyms_offsets absolute
0 0 30" "ppc32 big-endian image, absolute offsets: every symbol decodes"
	off=$(file_offset "$tmp/ppc32.v2" kallsyms_sizes)
	flip "$tmp/ppc32.v2" "$off"
	"$decode" --vmlinux "$tmp/ppc32.v2" > /dev/null 2>&1
	is "$?" 1 "ppc32 big-endian image with kallsyms_sizes[0] changed fails"
	out=$("$decode" "$tmp/ppc64.k2.o" "$tmp/ppc64.m2" 2>&1)
	is "$?:$(get "$out" mismatches)" "0:0" "ppc64 big-endian object: decodes against its listing"
else
	skip 4 "no powerpc binutils (binutils-powerpc64-linux-gnu)"
fi

if [ "$(uname -m)" = x86_64 ] &&
	mini i386 "" --32 elf_i386 0xc1000000 --pc-relative; then
	is "$(check i386)" "ELF32 little-endian, kallsyms_offsets pc-relative
0 0 30" "i386 image, PC-relative offsets (32-bit relocatable): every symbol decodes"
	out=$("$decode" "$tmp/i386.k2.o" "$tmp/i386.m2" 2>&1)
	is "$?:$(get "$out" mismatches)" "0:0" "i386 object (REL addends): decodes against its listing"
else
	skip 2 "cannot link i386 images"
fi
