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
