#!/bin/sh
# A module built from two objects, one overriding the other's __weak
# function (guest/ksz-weak), keeps the default's code and its mcount
# record without a symbol.  The truth comes from the object files and the
# .ko (scripts/weak-leftover.sh, checked here against the .ko's symbol
# table); the guests report how %pS shows the leftover and what ftrace
# lists.  Patched: %pS still names the nearest symbol below it, at an
# offset past that symbol's st_size (t/nearest-symbol.awk over the .ko),
# and ftrace has disabled its record, which available_filter_functions
# shows as __ftrace_invalid_address___N (disabled records keep their place
# there, so that filters by index still work), never under the name of a
# function or as a bare address.
. "$(dirname "$0")/tap.sh"
# word splitting below must not expand "[module]" as a pattern
set -f
plan 9
for k in base patched; do
	need_boot "$BUILD/boot/$k.log"
done
mod=$BUILD/out-patched/ksz-weak
eval "$("$TOP/scripts/weak-leftover.sh" "$mod")" || bail "weak-leftover.sh failed"
lo=$((WEAK_LEFTOVER)) hi=$((WEAK_LEFTOVER + WEAK_SIZE)) rec=$((WEAK_MCOUNT))

# the leftover is dead code: no symbol of the .ko's .text covers any of it
ndx=$(readelf -SW "$mod/ksz_weak.ko" | sed -n 's/^ *\[ *\([0-9]*\)\] \.text .*/\1/p')
covering=$(readelf -sW "$mod/ksz_weak.ko" | awk -v ndx="$ndx" -v lo="$lo" -v hi="$hi" '
	$7 == ndx && $4 != "SECTION" {
		v = 0; h = tolower($2)
		for (i = 1; i <= length(h); i++)
			v = v * 16 + index("0123456789abcdef", substr(h, i, 1)) - 1
		if (v < hi && (v + $3 > lo || ($3 == 0 && v >= lo))) print $8
	}')
[ -n "$ndx" ] && [ -z "$covering" ]
ok $? "the .ko has no symbol over the leftover [$WEAK_LEFTOVER, +$WEAK_SIZE)" \
	"covered by: $covering"
[ "$rec" -ge "$lo" ] && [ "$rec" -lt "$hi" ]
ok $? "its mcount record ($WEAK_MCOUNT) lies inside it"

line() { tr -d '\r' < "$BUILD/boot/$2.log" | sed -n "s/^KSZ weak $1 //p" | head -1; }
for k in base patched; do
	diag "$k: leftover $(line leftover $k); ftrace: $(line ftrace $k)"
done
# %pS: the unpatched kernel blames the function before, with a size that
# covers the leftover; the patched one names it too, with its st_size, so
# that the offset says the leftover lies outside it
# (Documentation/core-api/kallsyms.rst)
case $(line leftover base) in
*' ksz_weak_'*'+0x'*'[ksz_weak]') r=0 ;; *) r=1 ;; esac
ok $r "unpatched: %pS blames a ksz_weak function for the leftover"
# expect OFFSET: name+0xOFF/0xSIZE [ksz_weak] of the .ko's nearest symbol
expect() {
	readelf -sW "$mod/ksz_weak.ko" |
		awk -f "$TOP/scripts/lo32.awk" -f "$TOP/t/nearest-symbol.awk" 			-v ndx="$ndx" -v addr="$1" |
		awk '$2 >= $3 { printf "%s+0x%x/0x%x [ksz_weak]", $1, $2, $3 }'
}
set -- $(line leftover patched)
is "${2:-} ${3:-}" "$(expect $lo)" \
	"patched: %pS of the leftover names the symbol below, offset past its size"
set -- $(line mcount patched)
is "${2:-} ${3:-}" "$(expect $rec)" \
	"patched: %pS of the mcount record names the symbol below, offset past its size"
case $(line ftrace patched) in
*" __ftrace_invalid_address___"[0-9]*" [ksz_weak]") r=0 ;; *) r=1 ;; esac
ok $r "patched: ftrace lists the record at the leftover as disabled" \
	"listed: $(line ftrace patched)"
listed=$(tr -d '\r' < "$BUILD/boot/patched.log" | sed -n 's/^KSZ weak listed //p')
echo "$listed" | grep -q '^ksz_weak_hook \[ksz_weak\]$'
ok $? "patched: ftrace lists the real ksz_weak_hook" "listed: $listed"
n=$(echo "$listed" | grep -c '^ksz_weak_hook ')
is "$n" 1 "patched: ... once, not also for the leftover"
bad=$(echo "$listed" | grep -v -e '^ksz_weak_[a-z_]* \[ksz_weak\]$' \
	-e '^__ftrace_invalid_address___[0-9]* \[ksz_weak\]$')
is "$bad" "" "patched: the module's records are its functions or disabled ones"
