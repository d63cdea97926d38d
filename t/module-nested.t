#!/bin/sh
# Nesting in a module, two levels deep (guest/ksz-mod): ksz_mod_f holds
# ksz_mod_g, which holds ksz_mod_h.  The module prints %pS of an address in
# ksz_mod_h, one past its end in ksz_mod_g, and one past ksz_mod_g's end in
# ksz_mod_f.  Expected: the innermost symbol of the .ko's own ELF symbol
# table that covers each address (readelf), at its offset, with its
# st_size.  The unpatched kernel blames the last two on ksz_mod_h.
. "$(dirname "$0")/tap.sh"
plan 4
for k in base patched; do
	need_boot "$BUILD/boot/$k.log"
done
ko=$BUILD/out-patched/ksz-mod/ksz_noreturn.ko
[ -f "$ko" ] || bail "no $ko: run make check"

# covering OFF: "name+0xOFF/0xSIZE" of the innermost sized symbol of the
# .ko that covers ksz_mod_f + OFF (all three lie in one section)
covering() {
	readelf -sW "$ko" | awk -v off="$1" '
		function hex(h,   i, v) {
			h = tolower(h); v = 0
			for (i = 1; i <= length(h); i++)
				v = v * 16 + index("0123456789abcdef", substr(h, i, 1)) - 1
			return v
		}
		$8 ~ /^ksz_mod_[fgh]$/ { v[$8] = hex($2); s[$8] = $3 + 0 }
		END {
			a = v["ksz_mod_f"] + off
			for (n in v)
				if (v[n] <= a && a < v[n] + s[n] && (best == "" || v[n] > v[best]))
					best = n
			printf "%s+0x%x/0x%x [ksz_noreturn]", best, a - v[best], s[best]
		}'
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
