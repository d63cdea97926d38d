# Print the names blacklisted by the unpatched kernel that the patched
# kernel's blacklist does not cover; see kprobe-blacklist.t.
# Inputs: patched System.map, base console log, patched console log.
# Needs scripts/lo32.awk.
{ sub(/\r$/, "") }
FILENAME ~ /System.map$/ { addr[$3] = lo32($1); next }
$1 == "KSZBL" {
	split($2, r, "-")
	if (FILENAME ~ /patched/) { n++; s[n] = lo32(r[1]); e[n] = lo32(r[2]); have[$3] = 1 }
	else want[$3] = 1
}
END {
	for (w in want) {
		if (w in have) continue
		for (j = 1; j <= n && (w in addr); j++)
			if (addr[w] >= s[j] && addr[w] < e[j]) break
		if (!(w in addr) || j > n) print w
	}
}
