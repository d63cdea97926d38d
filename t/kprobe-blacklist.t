#!/bin/sh
# The kprobe blacklist (/sys/kernel/debug/kprobes/blacklist, which perf
# probe reads) must not shrink, and each patched entry must be exactly a
# symbol of the booted vmlinux: start at a symbol's start, carry the name
# of a symbol there, end where that symbol group ends (its ELF size, or
# for a size-0 label the next symbol, within a function it is nested in).
# Every sized function the unpatched kernel lists keeps an entry under
# its own name.  The truth is nm -S of the booted vmlinux.  And a module's
# entries (ksz_weak's .kprobes.text) go when the module is unloaded.
. "$(dirname "$0")/tap.sh"
plan 11
for k in base patched; do
	need_boot "$BUILD/boot/$k.log"
done
count() { grep -c "^KSZBL " "$BUILD/boot/$1.log"; }
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
missing=$(awk -f "$TOP/scripts/lo32.awk" -f "$TOP/t/blacklist-covered.awk" \
	"$BUILD/out-patched/System.map" "$BUILD/boot/base.log" "$BUILD/boot/patched.log")
[ -z "$missing" ]
ok $? "every symbol blacklisted by the unpatched kernel still is" \
	"not covered: $(echo $missing | head -c 300)"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
nm -n -S "$BUILD/out-patched/vmlinux" | sed -f "$BUILD/tree/scripts/mksysmap" > "$tmp/nm"
awk -f "$TOP/scripts/lo32.awk" -f "$TOP/t/blacklist-bounds.awk" \
	"$tmp/nm" "$BUILD/boot/patched.log" "$BUILD/boot/base.log" > "$tmp/v"
kind() { grep "^$1 " "$tmp/v" | head -5 | tr '\n' ';'; }
is "$(kind checked)" "checked $p;" "every patched entry was checked"
is "$(kind start)" "" "every patched entry starts at a symbol's start"
is "$(kind name)" "" "... carries the name of a symbol there"
is "$(kind bounds)$(kind lost)" "" \
	"... ends where its symbol ends, and no sized function lost its entry"

# ksz_weak: blacklisted while loaded, every entry gone after rmmod
for k in base patched; do
	loaded=$(tr -d '\r' < "$BUILD/boot/$k.log" | grep -c '^KSZBLW loaded .*ksz_weak_kp[.a-z0-9]* \[ksz_weak\]$')
	[ "$loaded" -ge 1 ] && grep -q '^KSZ rmmod ksz_weak ok' "$BUILD/boot/$k.log"
	ok $? "$k: ksz_weak_kp blacklisted while ksz_weak is loaded, then unloaded" \
		"$(grep '^KSZBLW\|ksz_weak' "$BUILD/boot/$k.log" | head -5)"
	left=$(tr -d '\r' < "$BUILD/boot/$k.log" | sed -n 's/^KSZBLW unloaded //p')
	is "$left" "" "$k: none of ksz_weak's entries is left after rmmod"
done
