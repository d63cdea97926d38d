# Over "nm -n vmlinux": the extent of every kallsyms table, from its symbol
# to the next symbol (alignment included), as "NAME BYTES START" lines
# (START: the low 32 bits of its address).
# Run with -f lo32.awk first.
want != "" && lo32($1) > at {
	printf "%s %d %.0f\n", want, lo32($1) - at, at
	want = ""
}
$3 ~ /^kallsyms_(num_syms|names|markers|token_table|token_index|offsets|seqs_of_names|sizes|num_escaped_sizes|escaped_sizes|num_nested|nested)$/ {
	want = $3
	at = lo32($1)
}
