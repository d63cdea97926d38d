# The symbol of a .ko that kallsyms names for an address: the nearest one
# at or below it in the same section, as lookups find it.  Input: readelf
# -sW of the .ko; -v ndx=SECTION_INDEX -v addr=OFFSET (decimal, into that
# section).  Needs lo32() (scripts/lo32.awk).  Prints "NAME OFF SIZE DIST":
# the first of an alias group in symbol-table order, addr's offset in it,
# the group's largest st_size, and the distance to the next symbol (what
# kallsyms reported as the size before it knew sizes).  Mapping symbols
# and unnamed ones are skipped, as the kernel skips them.
$7 == ndx && NF >= 8 && $4 != "SECTION" && $4 != "FILE" &&
    $8 !~ /^(\$|\.L|L0)/ {
	v = lo32($2)
	s = ($3 ~ /^0x/) ? lo32($3) : $3 + 0
	if (v <= addr && (best == "" || v > bv)) {
		best = $8; bv = v; bs = s
	} else if (best != "" && v == bv && s > bs) {
		bs = s
	}
	if (v > addr && (next_v == "" || v < next_v))
		next_v = v
}
END {
	if (best == "")
		exit 1
	printf "%s %d %d %d\n", best, addr - bv, bs, next_v == "" ? 0 : next_v - bv
}
