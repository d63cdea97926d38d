#!/bin/sh
# Nesting in a module, two levels deep (guest/ksz-mod): ksz_mod_f holds
# ksz_mod_g, which holds ksz_mod_h.  The module prints %pS of an address in
# ksz_mod_h, one past its end in ksz_mod_g, and one past ksz_mod_g's end in
# ksz_mod_f.  Expected: the innermost symbol of the .ko's own ELF symbol
# table that covers each address (readelf), at its offset, with its
# st_size.  The unpatched kernel blames the last two on ksz_mod_h.
# And its .kprobes.text: ksz_kp_outer holds the label ksz_kp_label, then
# alignment padding up to ksz_kp_next; the kprobe blacklist of the area,
# walked symbol by symbol at load, must still reach ksz_kp_next.
. "$(dirname "$0")/tap.sh"
# word splitting below must not expand "[module]" as a pattern
set -f
plan 7
need_boots
ksz_module_syms
# syms PROGRAM...: run an awk program over the .ko's symbols, with lo32()
syms() { awk -f "$TOP/scripts/lo32.awk" -f /dev/stdin "$@" "$tmp/syms"; }

# covering OFF: "name+0xOFF/0xSIZE" of the innermost sized symbol of the
# .ko that covers ksz_mod_f + OFF (all three lie in one section)
covering() {
	syms -v off="$1" <<'AWK'
$8 ~ /^ksz_mod_[fgh]$/ { v[$8] = lo32($2); s[$8] = $3 + 0 }
END {
	a = v["ksz_mod_f"] + off
	for (n in v)
		if (v[n] <= a && a < v[n] + s[n] && (best == "" || v[n] > v[best]))
			best = n
	printf "%s+0x%x/0x%x [ksz_noreturn]", best, a - v[best], s[best]
}
AWK
}
want="$(covering 36) $(covering 40) $(covering 96)"
line() { tr -d '\r' < "$BUILD/boot/$1.log" | sed -n 's/^KSZ nested //p' | head -1; }
diag "unpatched: $(line base)"
diag "patched:   $(line patched)"
case $want in
"ksz_mod_h+0x4/0x8 "*"ksz_mod_g+0x18/0x40 "*"ksz_mod_f+0x60/0x100 "*) ok 0 "the .ko's symbol table nests them as built ($want)" ;;
*) ok 1 "the .ko's symbol table nests them as built" "got: $want" ;;
esac
is "$(line patched)" "$want" "patched: each address named after the innermost symbol that covers it"
set -- $(line base)
case "$3 $5" in
"ksz_mod_h+0x8/"*" ksz_mod_h+0x40/"*) ok 0 "unpatched: past ksz_mod_h's end still blamed on it ($3 $5)" ;;
*) ok 1 "unpatched: past ksz_mod_h's end still blamed on it" "got: $*" ;;
esac
case $1 in
"ksz_mod_h+0x4/"*) ok 0 "unpatched: inside ksz_mod_h, the same name and offset ($1)" ;;
*) ok 1 "unpatched: inside ksz_mod_h, the same name and offset" "got: $1" ;;
esac

# the layout of .kprobes.text in the .ko: label inside ksz_kp_outer, and
# a gap between ksz_kp_outer's end and ksz_kp_next
layout=$(syms <<'AWK'
$8 ~ /^ksz_kp_/ { v[$8] = lo32($2); s[$8] = $3 + 0 }
END {
	o = v["ksz_kp_outer"]; e = o + s["ksz_kp_outer"]
	print (o < v["ksz_kp_label"] && v["ksz_kp_label"] < e && e < v["ksz_kp_next"]) ? "ok" : "no"
}
AWK
)
is "$layout" ok "the .ko: ksz_kp_label inside ksz_kp_outer, padding before ksz_kp_next"
bl() { tr -d '\r' < "$BUILD/boot/$1.log" | sed -n 's/^KSZBLM //p'; }
for k in base patched; do
	diag "$k: blacklisted: $(bl $k | tr '\t\n' '  ')"
	bl $k | grep -q '[[:space:]]ksz_kp_next \[ksz_noreturn\]$'
	ok $? "$k: kprobes blacklisted ksz_kp_next, past the padding after the label's function" \
		"$(bl $k)"
done
