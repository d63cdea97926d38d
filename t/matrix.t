#!/bin/sh
# make check's share of make matrix (run by prepare: arm64, built and
# booted; x86_64 with clang ThinLTO and kCFI, built and decoded): both
# kernels build, with as many kallsyms link passes; every symbol decoded from the patched vmlinux's tables has
# that vmlinux's ELF name, address and size; an extra kallsyms pass gives
# the same tables; where the target boots, both kernels boot, the patched
# one passes the KUnit suite, kallsyms_selftest, the kselftest (nothing
# skipped) and the ftracetest case, and the unpatched one skips both.
. "$(dirname "$0")/tap.sh"
tsv=$BUILD/matrix/ci.tsv
[ -f "$tsv" ] || bail "no $tsv: run make check"
targets=$(awk -F '\t' '$1 != "meta" { print $1 }' "$tsv" | uniq)
[ -n "$targets" ] || bail "no target in $tsv"

# v TARGET FIELD: one result
v() { awk -F '\t' -v t="$1" -v f="$2" '$1 == t && $2 == f { print $3 }' "$tsv"; }

plan $(($(echo "$targets" | wc -l) * 5 + $(for t in $targets; do
	[ -n "$(v "$t" boot_base)" ] && echo "$t"; done | wc -l) * 7))
for t in $targets; do
	log=$BUILD/matrix/$t
	is "$(v "$t" build_base) $(v "$t" build_patched)" "ok ok" \
		"$t: both kernels build (logs: $log/{base,patched}.log)"
	is "$(v "$t" decode)" ok "$t: the patched vmlinux's tables decode (log: $log/decode.log)"
	n=$(v "$t" symbols)
	[ "$(v "$t" mismatches)" = 0 ] && [ "${n:-0}" -gt 1000 ]
	ok $? "$t: $n symbols, every one with its ELF name, address and size" \
		"$(head -5 "$log/decode.log")"
	p=$(v "$t" passes_patched)
	[ "${p:-0}" -ge 2 ] && [ "$p" = "$(v "$t" passes_base)" ]
	ok $? "$t: the patched build links as many times as the unpatched one ($p)" \
		"unpatched: $(v "$t" passes_base) kallsyms passes, patched: $p"
	case $(v "$t" extra_pass) in
	"same tables"*) ok 0 "$t: KALLSYMS_EXTRA_PASS=1 gives the same tables ($(v "$t" extra_pass))" ;;
	*) ok 1 "$t: KALLSYMS_EXTRA_PASS=1 gives the same tables" "$(v "$t" extra_pass)" ;;
	esac
	[ -n "$(v "$t" boot_base)" ] || continue
	is "$(v "$t" boot_base) $(v "$t" boot_patched)" "ok ok" \
		"$t: both kernels boot (consoles: $log/{base,patched}.console)"
	is "$(v "$t" kunit_patched)" ok "$t: KUnit suite kallsyms_sizes (patched)"
	is "$(v "$t" selftest_patched)" finish "$t: kallsyms_selftest finishes (patched)"
	k=$(v "$t" kselftest_patched)
	case $k in
	"pass:"*" fail:0 skip:0") ok 0 "$t: kselftest, patched: $k" ;;
	*) ok 1 "$t: kselftest, patched, nothing skipped: ${k:-no totals}" "console: $log/patched.console" ;;
	esac
	# unpatched, the kselftest finds no /proc/kallsyms_sizes: it skips
	is "$(v "$t" kselftest_base)" skipped "$t: kselftest, unpatched: skipped as a whole"
	is "$(v "$t" ftracetest_patched)" ok "$t: ftracetest kprobe_func_end.tc, patched"
	is "$(v "$t" ftracetest_base)" "ok # SKIP" "$t: ftracetest kprobe_func_end.tc, unpatched: unsupported"
done
