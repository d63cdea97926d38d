# relayout.awk: move the symbols of an "nm -n -S" listing the way another
# link pass moves them when the kallsyms tables change size: every symbol
# at or after the first kallsyms table label (or after the first symbol
# named FROM, if given) moves up by a shift that only grows, in steps of 8
# bytes, so that order, sizes and names stay as they are.
# Variables: seed (srand), p (chance of a step per symbol), from (a name).
# Needs scripts/lo32.awk.  Addresses keep their high half: kernel symbols
# lie within one 4 GiB window.
BEGIN {
	srand(seed)
	if (p == "")
		p = 0.01
	split("kallsyms_num_syms kallsyms_names kallsyms_markers " \
	      "kallsyms_token_table kallsyms_token_index kallsyms_offsets " \
	      "kallsyms_sizes kallsyms_num_large_sizes kallsyms_large_sizes " \
	      "kallsyms_num_nested kallsyms_nested kallsyms_seqs_of_names", l)
	for (i in l)
		label[l[i]] = 1
}
!moving && ((from == "" && ($NF in label)) || $NF == from) { moving = 1 }
moving {
	if (rand() < p)
		shift += 8 * int(1 + rand() * 64)
	n = length($1)
	hi = n > 8 ? substr($1, 1, n - 8) : ""
	$1 = sprintf("%s%08x", hi, lo32($1) + shift)
}
{ print }
