# The kprobe blacklist of the patched guest against the ELF symbol table
# of the vmlinux it booted.  Inputs: that vmlinux's "nm -n -S" listing
# filtered by scripts/mksysmap, the patched console log, the unpatched
# console log (KSZBL lines: "KSZBL 0xSTART-0xEND<tab>NAME").  Prints one
# line per violation:
#   start NAME ADDR      a patched entry that starts where no symbol starts
#   name NAME ADDR       ... whose name is not a symbol at its start
#   bounds NAME START ends at +LEN, symbol at +LEN ... whose end is not the end of the symbol group
#   lost NAME            a sized function the unpatched kernel lists by
#                        name has no patched entry under that name
# and a summary "checked N" as the last line.  Needs scripts/lo32.awk.
# Array keys are the low 8 hex digits: awk would turn large numbers into
# keys in %g notation.
function key(h) {
	h = tolower(h)
	sub(/^0x/, "", h)
	return substr(h, length(h) - 7)
}
{ sub(/\r$/, "") }
FILENAME == ARGV[1] {
	if ($(NF - 1) ~ /^[aAuUnN]$/)
		next		# not kallsyms symbols
	a = key($1)
	size = NF == 4 ? lo32($2) : 0
	if (!(a in grp)) {
		n++
		at[n] = lo32($1)
		grp[a] = n
		gsize[n] = 0
	}
	g = grp[a]
	if (size > gsize[g])
		gsize[g] = size
	names[a " " $NF] = 1
	if (size && $(NF - 1) ~ /^[tT]$/)
		func[$NF] = 1
	next
}
$1 != "KSZBL" { next }
FILENAME == ARGV[2] {
	split($2, r, "-")
	s = lo32(r[1])
	e = lo32(r[2])
	have[$3] = 1
	checked++
	if (!(key(r[1]) in grp)) { print "start", $3, r[1]; next }
	if (!((key(r[1]) " " $3) in names)) print "name", $3, r[1]
	g = grp[key(r[1])]
	want = gsize[g] ? s + gsize[g] : (g < n ? at[g + 1] : e)
	if (!gsize[g]) {
		# a size-0 group ends with a sized symbol it is nested in
		for (k = g - 1; k >= 1; k--)
			if (gsize[k]) {
				if (at[k] + gsize[k] > s && at[k] + gsize[k] < want)
					want = at[k] + gsize[k]
				break
			}
	}
	if (e != want)
		printf "bounds %s %s ends at +%.0f, symbol at +%.0f\n", $3, r[1], e - s, want - s
	next
}
FILENAME == ARGV[3] && ($3 in func) && !($3 in have) { print "lost", $3 }
END { print "checked", checked + 0 }
