#!/bin/sh
# Print make matrix's results (results.tsv: TARGET FIELD VALUE) as a
# table, one row per target, "-" where a field was not measured.
# Usage: matrix-table.sh RESULTS.TSV
set -eu
awk -F '\t' '
	$1 == "meta" && $2 == "run" { runs = runs "  " $3 "\n"; next }
	$1 == "meta" { meta[$2] = $3; next }
	!($1 in seen) { seen[$1] = 1; order[++n] = $1 }
	{ v[$1, $2] = $3 }
	function f(t, k) { return ((t, k) in v) ? v[t, k] : "-" }
	END {
		printf "make matrix, %s, kernel %s\n", meta["date"], meta["kernel"]
		if (runs != "")
			printf "rows from the runs of:\n%s", runs
		printf "\n"
		fmt = "%-13s %-7s %-22s %7s %6s %5s %6s %-12s %-9s %-9s %-9s %-22s %-22s\n"
		printf fmt, "target", "arch", "toolchain", "symbols", "B/sym", "mism",
			"passes", "extra pass", "boot", "kunit", "selftest",
			"kselftest unpatched", "kselftest patched"
		for (i = 1; i <= n; i++) {
			t = order[i]
			xp = f(t, "extra_pass")
			sub(/^same tables, same vmlinux$/, "identical", xp)
			boot = f(t, "boot_base") "/" f(t, "boot_patched")
			if (boot == "-/-") boot = "-"
			printf fmt, t, f(t, "arch"), f(t, "toolchain"), f(t, "symbols"),
				f(t, "bytes_per_symbol"), f(t, "mismatches"),
				f(t, "passes_base") "/" f(t, "passes_patched"), xp, boot,
				f(t, "kunit_patched"), f(t, "selftest_patched"),
				f(t, "kselftest_base"), f(t, "kselftest_patched")
			if (f(t, "ftracetest_base") f(t, "ftracetest_patched") ~ /ok/)
				printf "  %s ftracetest kprobe_func_end.tc: unpatched %s; patched %s\n",
					t, f(t, "ftracetest_base"), f(t, "ftracetest_patched")
			if (f(t, "ftrace_base") f(t, "ftrace_patched") ~ /records/)
				printf "  %s ftrace: unpatched %s; patched %s\n", t,
					f(t, "ftrace_base"), f(t, "ftrace_patched")
			for (k in v) {
				split(k, kk, SUBSEP)
				if (kk[1] == t && v[k] ~ /FAILED|DIFFERENT/)
					printf "  %s %s: %s\n", t, kk[2], v[k]
			}
		}
	}' "$1"
