#!/bin/sh
# The kprobe blacklist must not shrink: every symbol the unpatched kernel
# blacklists lies inside an entry of the patched kernel's blacklist.
# (The patched list may have fewer entries: a sized asm function now
# covers its nested labels in one entry.)
. "$(dirname "$0")/tap.sh"
plan 3
for k in base patched; do
	need_boot "$BUILD/boot/$k.log"
done
count() { sed -n 's/^KSZ blacklist \([0-9]*\).*/\1/p' "$BUILD/boot/$1.log"; }
b=$(count base)
p=$(count patched)
diag "entries: unpatched ${b:-?}, patched ${p:-?}"
[ "${b:-0}" -gt 0 ]
ok $? "unpatched kernel has a kprobe blacklist ($b entries)"
[ "${p:-0}" -gt 0 ]
ok $? "patched kernel has a kprobe blacklist ($p entries)"

# Entries look like "KSZBL 0xffffffff81001000-0xffffffff81001040	name".
# The kernels are laid out differently, so go by name: each name of the
# unpatched list is in the patched list, or its address in the patched
# System.map lies inside a patched entry.  Low 32 bits: exact in awk.
missing=$(awk '
function lo(s,   i, v) {
	sub(/^0x/, "", s); s = tolower(s); v = 0
	if (length(s) > 8) s = substr(s, length(s) - 7)
	for (i = 1; i <= length(s); i++)
		v = v * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1
	return v
}
{ sub(/\r$/, "") }
FILENAME ~ /System.map$/ { addr[$3] = lo($1); next }
$1 == "KSZBL" {
	split($2, r, "-")
	if (FILENAME ~ /patched/) { n++; s[n] = lo(r[1]); e[n] = lo(r[2]); have[$3] = 1 }
	else want[$3] = 1
}
END {
	for (w in want) {
		if (w in have) continue
		for (j = 1; j <= n && (w in addr); j++)
			if (addr[w] >= s[j] && addr[w] < e[j]) break
		if (!(w in addr) || j > n) print w
	}
}' "$BUILD/out-patched/System.map" "$BUILD/boot/base.log" "$BUILD/boot/patched.log")
[ -z "$missing" ]
ok $? "every symbol blacklisted by the unpatched kernel still is" \
	"not covered: $(echo $missing | head -c 300)"
