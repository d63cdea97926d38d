#!/bin/sh
# scripts/link-vmlinux.sh links with empty kallsyms tables, then with the
# tables of that link, and links a third time only when the tables' symbols
# changed (kallsymso_changed()).  With the series, a build links as many
# times as the unpatched one (counted in the logs of both kernels' last
# build that linked vmlinux, link.log of scripts/build-kernel.sh), and a link
# forced to take a third pass (KALLSYMS_EXTRA_PASS=1) yields the same
# tables, byte for byte, and the same vmlinux (scripts/extra-pass.sh, run
# by prepare on the patched build).
. "$(dirname "$0")/tap.sh"
out=$BUILD/out-patched
base=$BUILD/out-base
[ -f "$out/link-3.log" ] || bail "no $out/link-3.log: run make check"
plan 8
# passes LOG: the links with kallsyms tables a build log shows (.tmp_vmlinux1, 2, ...)
passes() { grep -c '^ *LD *\.tmp_vmlinux[0-9]' "$1"; }
nb=$(passes "$base/link.log")
np=$(passes "$out/link.log")
[ "$nb" -ge 2 ]
ok $? "the unpatched build linked vmlinux with kallsyms tables ($nb; log: $base/link.log)"
is "$np" "$nb" "the patched build linked as many times as the unpatched one"
grep -q 'KSYMS.*\.tmp_vmlinux2\.kallsyms' "$out/link-2.log"
ok $? "the patched relink ran two kallsyms passes (log: $out/link-2.log)"
! grep -q '\.tmp_vmlinux3' "$out/link-2.log"
ok $? "... and no third one: the second pass's tables had the first's symbols"
grep -q 'KSYMS.*\.tmp_vmlinux3\.kallsyms' "$out/link-3.log"
ok $? "KALLSYMS_EXTRA_PASS=1 ran a third pass (log: $out/link-3.log)"
n=$(wc -c < "$out/kallsyms-tables.2")
[ "$n" -gt 100000 ] && grep -q ' kallsyms_sizes$' "$out/System.map"
ok $? "the patched vmlinux has its tables, kallsyms_sizes among them ($n bytes)"
cmp -s "$out/kallsyms-tables.2" "$out/kallsyms-tables.3"
ok $? "the tables are the same, byte for byte, with and without the extra pass"
cmp -s "$out/vmlinux.2-pass" "$out/vmlinux"
ok $? "... and so is the whole vmlinux (same build number and timestamp)"
