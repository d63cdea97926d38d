#!/bin/sh
# scripts/link-vmlinux.sh links twice and stops unless the tables of the
# second pass are as large as those of the first; KALLSYMS_EXTRA_PASS=1
# forces a third pass.  With the series, a normal link needs no third
# pass, and the forced one yields the same tables, byte for byte, and the
# same vmlinux (scripts/extra-pass.sh, run by prepare on the patched build).
. "$(dirname "$0")/tap.sh"
out=$BUILD/out-patched
[ -f "$out/link-3.log" ] || bail "no $out/link-3.log: run make check"
plan 6
grep -q 'KSYMS.*\.tmp_vmlinux2\.kallsyms' "$out/link-2.log"
ok $? "the normal link ran two kallsyms passes (log: $out/link-2.log)"
! grep -q '\.tmp_vmlinux3' "$out/link-2.log"
ok $? "... and no third one: the second pass's tables were as large as the first's"
grep -q 'KSYMS.*\.tmp_vmlinux3\.kallsyms' "$out/link-3.log"
ok $? "KALLSYMS_EXTRA_PASS=1 ran a third pass (log: $out/link-3.log)"
n=$(wc -c < "$out/kallsyms-tables.2")
[ "$n" -gt 100000 ] && grep -q ' kallsyms_sizes$' "$out/System.map"
ok $? "the patched vmlinux has its tables, kallsyms_sizes among them ($n bytes)"
cmp -s "$out/kallsyms-tables.2" "$out/kallsyms-tables.3"
ok $? "the tables are the same, byte for byte, with and without the extra pass"
cmp -s "$out/vmlinux.2-pass" "$out/vmlinux"
ok $? "... and so is the whole vmlinux (same build number and timestamp)"
