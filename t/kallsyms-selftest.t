#!/bin/sh
# CONFIG_KALLSYMS_SELFTEST, kallsyms' own test of names and addresses,
# built into the patched kernel: its verdict on the console.
. "$(dirname "$0")/tap.sh"
log=$BUILD/boot/patched.log
need_boot "$log"
plan 2
st=$(tr -d '\r' < "$log" | sed -n 's/^\(\[[ 0-9.]*\] \)\{0,1\}kallsyms_selftest: //p')
echo "$st" | grep -q '^finish$'
ok $? "kallsyms_selftest finished (console: $log)" "$(echo "$st" | tail -5)"
! echo "$st" | grep -q '^abort$'
ok $? "kallsyms_selftest did not abort" "$(echo "$st" | grep -v '^|' | head -10)"
