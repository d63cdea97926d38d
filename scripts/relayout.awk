# relayout.awk: move the symbols of an "nm -n -S" listing the way another
# link pass moves them when the kallsyms tables change size: every symbol
# at or after the first kallsyms table label (or after the first symbol
# named FROM, if given) moves up by a shift that only grows, in steps of 8
# bytes, so that order, sizes and names stay as they are.  A step falls
# only where no sized symbol spans the address, as a relink moves an input
# section, and the symbols nested in it, as a whole.  The labels of the
# kallsyms tables get other sizes (some none), as the previous pass's
# tables had (pass 0's are empty).
# Variables: seed (srand), p (chance of a step per symbol), from (a name),
# labels (0: leave the labels' sizes alone).
# Needs scripts/lo32.awk.  Addresses keep their high half: kernel symbols
# lie within one 4 GiB window.
BEGIN {
	srand(seed)
	if (p == "")
		p = 0.01
	split("kallsyms_num_syms kallsyms_names kallsyms_markers " \
	      "kallsyms_token_table kallsyms_token_index kallsyms_offsets " \
	      "kallsyms_sizes kallsyms_num_escaped_sizes kallsyms_escaped_sizes " \
	      "kallsyms_num_nested kallsyms_nested kallsyms_seqs_of_names", l)
	for (i in l)
		label[l[i]] = 1
}
!moving && ((from == "" && ($NF in label)) || $NF == from) { moving = 1 }
{
	a = lo32($1)
	step = moving && a >= reach && rand() < p
	if (NF == 4 && !($NF in label) && a + lo32($2) > reach)
		reach = a + lo32($2)
}
step { shift += 8 * int(1 + rand() * 64) }
moving {
	n = length($1)
	hi = n > 8 ? substr($1, 1, n - 8) : ""
	$1 = sprintf("%s%08x", hi, a + shift)
}
moving && labels != "0" && ($NF in label) {
	if (rand() < 0.2)
		$0 = $1 " " $(NF - 1) " " $NF
	else
		$0 = $1 " " sprintf("%0" length($1) "x", int(rand() * 4194304)) \
		     " " $(NF - 1) " " $NF
}
{ print }
