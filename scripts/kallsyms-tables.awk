# Over "nm -n vmlinux": the extent of every kallsyms table, from its symbol
# to the next symbol (alignment included), as "NAME BYTES" lines.
# Run with -f lo32.awk first.
want != "" && lo32($1) > at {
	print want, lo32($1) - at
	want = ""
}
$3 ~ /^kallsyms_(num_syms|names|markers|token_table|token_index|offsets|seqs_of_names|sizes|num_large_sizes|large_sizes)$/ {
	want = $3
	at = lo32($1)
}
