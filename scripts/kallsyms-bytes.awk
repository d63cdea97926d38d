# Over "nm -n -S vmlinux": the bytes of every kallsyms table, as "NAME
# BYTES" lines: its st_size, or, for the tables that an unpatched kernel
# emits without .size, what their format gives (kallsyms_num_syms one
# u32, kallsyms_token_index 256 u16, kallsyms_seqs_of_names 3 bytes a
# symbol, kallsyms_offsets 4).  Not the distance to the next symbol: that
# counts whatever .rodata follows the last table.
# Run with -f lo32.awk first.
$NF ~ /^kallsyms_(num_syms|names|markers|token_table|token_index|offsets|seqs_of_names|sizes|num_escaped_sizes|escaped_sizes|num_nested|nested)$/ {
	name[++n] = $NF
	size[$NF] = NF == 4 ? lo32($2) : -1
}
END {
	nsyms = size["kallsyms_offsets"] >= 0 ? size["kallsyms_offsets"] / 4 : -1
	for (i = 1; i <= n; i++) {
		t = name[i]
		b = size[t]
		if (b < 0 && t == "kallsyms_num_syms")
			b = 4
		else if (b < 0 && t == "kallsyms_token_index")
			b = 512
		else if (b < 0 && t == "kallsyms_seqs_of_names" && nsyms >= 0)
			b = 3 * nsyms
		if (b < 0) {
			printf "kallsyms-bytes: no size for %s\n", t > "/dev/stderr"
			exit 1
		}
		printf "%s %d\n", t, b
	}
}
