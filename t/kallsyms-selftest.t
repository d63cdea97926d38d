#!/bin/sh
# CONFIG_KALLSYMS_SELFTEST, built into the patched kernel and extended by
# the series with size checks against sizeof: its verdict on the console.
. "$(dirname "$0")/tap.sh"
log=$BUILD/boot/patched.log
need_boot "$log"
plan 4
st=$(tr -d '\r' < "$log" | sed -n 's/^\(\[[ 0-9.]*\] \)\{0,1\}kallsyms_selftest: //p')
echo "$st" | grep -q '^finish$'
ok $? "kallsyms_selftest finished (console: $log)" "$(echo "$st" | tail -5)"
! echo "$st" | grep -q '^abort$'
ok $? "kallsyms_selftest did not abort" "$(echo "$st" | grep -v '^|' | head -10)"
! echo "$st" | grep -q '^\(size of\|last byte of\|byte after\) '
ok $? "every test variable has its sizeof as kallsyms size" \
	"$(echo "$st" | grep '^\(size of\|last byte of\|byte after\) ')"
sizes=$(echo "$st" | sed -n 's/^kallsyms_sizes: //p')
[ -n "$sizes" ]
ok $? "size tables reported: ${sizes:-nothing}"
