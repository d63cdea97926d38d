# Needs scripts/lo32.awk.  Independent count of the gaps in kernel text from "nm -n -S" output, for
# checking tools/holes: same rules (a symbol covers its st_size, a symbol
# without a size reaches the next one, aliases as far as the largest),
# written without sharing any code.  Addresses are taken modulo 2^32,
# which keeps them exact in awk and cannot wrap inside kernel text.
# Prints: padding=N padding_bytes=N holes=N hole_bytes=N
#   and with -v list=1 one "hole ADDR LEN" line per hole first.
{
	if (NF == 4) { a = lo32($1); sz = lo32($2); t = $3; n = $4 }
	else if (NF == 3) { a = lo32($1); sz = 0; t = $2; n = $3 }
	else next
	if (n == "_stext") st = a
	if (n == "_etext") et = a
	if (n == "_sinittext") si = a
	if (n == "_einittext") ei = a
	if (t != "t" && t != "T" && t != "W") next
	if (n == "L0" || n ~ /^(\$|\.L|__efistub_|__crc_|__kstrtab|__mod_device_table__|__UNIQUE_ID_modinfo_)/) next
	cnt++; addr[cnt] = a; size[cnt] = sz
}
function region(x) {
	if (x >= st && x < et) return 1
	if (x >= si && x < ei) return 2
	return 0
}
END {
	pad = padb = holes = holeb = 0
	prevreg = -1
	for (i = 1; i <= cnt; ) {
		r = region(addr[i])
		if (!r) { i++; continue }
		if (r != prevreg) reach = 0
		prevreg = r
		start = addr[i]; end = start
		for (j = i; j <= cnt && addr[j] == start; j++)
			if (start + size[j] > end) end = start + size[j]
		# the next symbol of the same region
		if (j > cnt || region(addr[j]) != r) { i = j; continue }
		nxt = addr[j]
		if (end == start) end = nxt
		if (end > reach) reach = end
		if (reach < nxt) {
			len = nxt - reach
			if (len < align) { pad++; padb += len }
			else {
				holes++; holeb += len
				if (list) printf "hole %x %d\n", reach, len
			}
		}
		i = j
	}
	printf "padding=%d padding_bytes=%d holes=%d hole_bytes=%d\n", pad, padb, holes, holeb
}
