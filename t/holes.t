#!/bin/sh
# tools/holes against an independent computation (t/holes-nm.awk over nm),
# on the Debian fixture and on the vmlinux of the booted unpatched kernel.
. "$(dirname "$0")/tap.sh"
holes=$BUILD/bin/holes
vmlinux=$BUILD/out-base/vmlinux
[ -x "$holes" ] || bail "no $holes: run make tools"
[ -f "$vmlinux" ] || bail "no $vmlinux: run make check"
plan 5
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [ -n "$fixture" ]; then
	xz -dc "$fixture" > "$tmp/fixture.nm"
	got=$("$holes" "$tmp/fixture.nm" | sed 's/^symbols=[0-9]* //')
	want=$(awk -v align=16 -f "$TOP/scripts/lo32.awk" -f "$TOP/t/holes-nm.awk" "$tmp/fixture.nm")
	diag "fixture: $got"
	is "$got" "$want" "fixture: holes summary matches nm-based count"
	holes_n=$(echo "$got" | sed 's/.*holes=\([0-9]*\).*/\1/')
	[ "$holes_n" -gt 100 ]
	ok $? "fixture: a distro kernel has real holes ($holes_n)"
else
	tap_n=$((tap_n + 2))
	echo "ok $((tap_n - 1)) # SKIP no fixture (set FIXTURE=)"
	echo "ok $tap_n # SKIP no fixture (set FIXTURE=)"
fi

# The booted vmlinux, read with libelf; the awk side sees nm's view of
# .text and .init.text, so compare the holes inside those.
align=$(sed -n 's/^CONFIG_FUNCTION_ALIGNMENT=//p' "$BUILD/out-base/.config")
nm -n -S "$vmlinux" > "$tmp/vmlinux.nm"
awk -v align="${align:-16}" -v list=1 -f "$TOP/scripts/lo32.awk" -f "$TOP/t/holes-nm.awk" "$tmp/vmlinux.nm" |
	grep '^hole' | sort > "$tmp/want"
st=$(awk '$NF == "_stext" { print substr($1, 9) }' "$tmp/vmlinux.nm")
et=$(awk '$NF == "_etext" { print substr($1, 9) }' "$tmp/vmlinux.nm")
si=$(awk '$NF == "_sinittext" { print substr($1, 9) }' "$tmp/vmlinux.nm")
ei=$(awk '$NF == "_einittext" { print substr($1, 9) }' "$tmp/vmlinux.nm")
"$holes" -a "${align:-16}" -l "$vmlinux" > "$tmp/elf"
awk -v st="$st" -v et="$et" -v si="$si" -v ei="$ei" '
	$1 == "hole" {
		a = substr($2, length($2) - 7)
		if ((a >= st && a < et) || (a >= si && a < ei))
			print "hole " a " " $3
	}' "$tmp/elf" | sed 's/ 0*\([0-9a-f]\)/ \1/' | sort > "$tmp/got"
diag "booted vmlinux: $(tail -n 1 "$tmp/elf")"
[ -s "$tmp/want" ]
ok $? "booted vmlinux: nm finds holes in .text"
cmp -s "$tmp/got" "$tmp/want"
ok $? "booted vmlinux: libelf holes in .text are nm's holes" \
	"$(diff "$tmp/want" "$tmp/got" | head -5)"

"$holes" /dev/null > /dev/null 2>&1
[ $? != 0 ]
ok $? "bad input is an error"
