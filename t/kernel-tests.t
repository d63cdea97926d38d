#!/bin/sh
# The kernel's own tests of the subsystems the series touches, run in
# both guests (KUnit printf and kprobes, the ftrace startup tests,
# ftracetest on kprobe events and function filters, the livepatch
# selftests): every test that passes on the unpatched kernel passes on
# the patched one.  One TAP line per test; a test that does not pass
# unpatched is listed with its two results, not judged.
. "$(dirname "$0")/tap.sh"
for k in base patched; do
	need_boot "$BUILD/boot/$k.log"
	tr -d '\r' <"$BUILD/boot/$k.log" | awk -f "$TOP/t/kernel-tests.awk" |
		sort -u >"$BUILD/boot/$k.ktests"
done
base=$BUILD/boot/base.ktests
patched=$BUILD/boot/patched.ktests

# GROUP<TAB>NAME<TAB>BASE<TAB>PATCHED, "missing" where a kernel lacks it
pairs=$(awk -F '\t' -v OFS='\t' '
	FNR == NR { b[$1 "\t" $2] = $3; next }
	{ p[$1 "\t" $2] = $3 }
	END {
		for (k in b) print k, b[k], (k in p) ? p[k] : "missing"
		for (k in p) if (!(k in b)) print k, "missing", p[k]
	}' "$base" "$patched" | sort)

groups="kunit-printf kunit-kprobes_test startup events ftracetest livepatch"
plan $(($(echo "$pairs" | grep -c .) + $(echo "$groups" | wc -w)))
# each group ran, and passed somewhere, in the unpatched guest: a test of
# nothing cannot fail
for g in $groups; do
	n=$(awk -F '\t' -v g="$g" '$1 == g && $3 == "ok"' "$base" | wc -l)
	[ "$n" -ge 1 ]
	ok $? "$g: $n tests pass on the unpatched kernel" \
		"see $BUILD/boot/base.log"
done
echo "$pairs" | while IFS='	' read -r g name b p; do
	if [ "$b" = ok ]; then
		[ "$p" = ok ]
		ok $? "$g: $name" "unpatched: ok, patched: $p (console: $BUILD/boot/patched.log)"
	else
		ok 0 "$g: $name # not compared: unpatched $b, patched $p"
	fi
done
