#!/bin/sh
# make bench: what the sizes cost, patched against unpatched, in one run.
#   memory      bytes of every kallsyms table in both vmlinux files, and the
#               sizes data of the Debian fixture against u32 and entropy
#   lookups     the lookup benchmark module (guest/ksz-bench) booted in both
#               kernels: median, mean and p99 per call, in guest instructions
#               (QEMU -icount: medians exact and repeatable) and in wall ns
#               (TCG: a few percent of noise between boots)
#   /proc       time to read /proc/kallsyms (and /proc/kallsyms_sizes)
#   build       scripts/kallsyms on one vmlinux's listing, and the link step
# Prints a table and writes $BUILD/bench/results.tsv.  Never part of the
# tests; under TCG absolute times are slow, the ratios are what count.
# Environment: BUILD SRC (set by the Makefile).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
. "$here/lib.sh"
: "${BUILD:?}" "${SRC:?}"
out=$BUILD/bench
mkdir -p "$out"
tsv=$out/results.tsv
N=8
step() {
	n=$1
	shift
	note "bench $n/$N: $*"
}

# row METRIC UNIT BASE PATCHED: one result, with the patched/unpatched ratio
row() {
	ratio=$(awk -v b="$3" -v p="$4" 'BEGIN {
		if (b == "" || p == "" || b + 0 == 0) print "-";
		else printf "%.3f", p / b }')
	printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "${3:--}" "${4:--}" "$ratio" >>"$tsv"
}

: >"$tsv"
printf 'meta\tdate\t%s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" >>"$tsv"
printf 'meta\tkernel\t%s\n' "$(cat "$BUILD/out-base/include/config/kernel.release")" >>"$tsv"
printf 'meta\tsource\t%s\n' "$(cat "$SRC/.debian-version" 2>/dev/null || echo "$SRC")" >>"$tsv"
printf 'meta\tconfig\tconfigs/test.config for both, %s options =y\n' \
	"$(grep -c '^CONFIG_.*=y' "$BUILD/out-base/.config")" >>"$tsv"
printf 'meta\tmachine\t%s, %s CPUs, QEMU TCG guests\n' \
	"$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)" "$(nproc)" >>"$tsv"

# The patched kernel of the tests has test-only options on top
# (configs/patched.config); the bench compares kernels whose configs
# differ in nothing, so it builds the series with configs/test.config.
step 1 "build the patched kernel with the unpatched config (log: $BUILD/out-bench/build.log)"
"$here/build-kernel.sh" "$BUILD/tree" "$BUILD/out-bench" "$top/configs/test.config"
# kout/ktree KERNEL: the build directory and the source of base or patched
kout() { if [ "$1" = base ]; then echo "$BUILD/out-base"; else echo "$BUILD/out-bench"; fi; }
ktree() { if [ "$1" = base ]; then echo "$SRC"; else echo "$BUILD/tree"; fi; }

step 2 "bench initramfs for both kernels (module logs: $BUILD/out-*/ksz-bench/build.log)"
for k in base patched; do
	kdir=$(kout $k)
	ko=$("$here/build-module.sh" "$(ktree $k)" "$kdir" ksz-bench)
	mkdir -p "$out/$k.d"
	cp "$top/guest/ksz-bench/run" "$ko" "$out/$k.d/"
	KSZ_BENCH=$out/$k.d "$here/make-initramfs.sh" "$out/$k.cpio" "$kdir" \
		"$BUILD/guest" "$BUILD/bin/holes"
done

# ksz_lines LOG: the benchmark's lines of a console log
ksz_lines() { tr -d '\r' <"$1" | grep 'KSZB '; }

# bench_boot KERNEL LOG: boot a kernel with its bench initramfs, which
# must have run the lookups on a TSC clock (BOOT_APPEND, BOOT_QEMU: boot.sh)
bench_boot() {
	"$here/boot.sh" "$(kout "$1")/arch/x86/boot/bzImage" "$out/$1.cpio" "$2" ||
		die "bench: boot of the $1 kernel failed, see $2"
	grep -q 'KSZB done' "$2" ||
		die "bench: no lookup results in $2"
	grep -q 'Switched to clocksource tsc' "$2" ||
		die "bench: the $1 guest has no TSC clock, timings would be meaningless ($2)"
}

step 3 "boot both kernels twice under QEMU -icount (consoles: $out/{base,patched}.icount.N.log)"
# With -icount shift=0 the guest clock advances one nanosecond per guest
# instruction, whatever the host does: "ns" are instruction counts, the
# same in every run, so that ratios of a few percent are measurable.  The
# guest TSC then runs at exactly 1 GHz.
for n in 1 2; do
	for k in base patched; do
		BOOT_QEMU="-icount shift=0,sleep=off" \
			BOOT_APPEND="tsc_early_khz=1000000 tsc=reliable" \
			bench_boot $k "$out/$k.icount.$n.log"
	done
done
# lookups LOG: the medians of a console log's lookups.  Not the p99: an
# interrupt may land in a batch in one boot and not in the other.
lookups() {
	ksz_lines "$1" | grep 'KSZB lookup' | sed 's/.*KSZB //; s/ p99_ns=.*//'
}
repeatable=yes
for k in base patched; do
	lookups "$out/$k.icount.1.log" >"$out/$k.icount.1.txt"
	lookups "$out/$k.icount.2.log" >"$out/$k.icount.2.txt"
	cmp -s "$out/$k.icount.1.txt" "$out/$k.icount.2.txt" || repeatable=no
done
[ $repeatable = yes ] ||
	note "bench: the medians of two -icount boots of a kernel differ: instruction counts are not exact"
printf 'meta\ticount\tmedian instruction counts identical in both -icount boots of each kernel: %s\n' \
	$repeatable >>"$tsv"
# the last meta line: the results follow
printf 'metric\tunit\tunpatched\tpatched\tratio\n' >>"$tsv"

step 4 "boot both kernels 3 times, alternating, on the wall clock (consoles: $out/{base,patched}.N.log)"
# The guest's TSC calibration against the PIT fails now and then under
# TCG, leaving a jiffies clock too coarse to time anything: give it the
# host's TSC rate (the TCG guest reads the host TSC).
khz=$(awk '/^cpu MHz/ { printf "%d", $4 * 1000; exit }' /proc/cpuinfo)
for n in 1 2 3; do
	for k in base patched; do
		BOOT_APPEND="tsc_early_khz=$khz tsc=reliable" \
			bench_boot $k "$out/$k.$n.log"
	done
done

# field FIELD LOG PATTERN: one KSZB field of a console log
field() {
	ksz_lines "$2" | grep "KSZB $3 " |
		sed -n "s/.* $1=\([0-9]*\).*/\1/p" | head -1
}
# insns FIELD KERNEL PATTERN: from the first -icount boot
insns() { field "$1" "$out/$2.icount.1.log" "$3"; }
# x100 KERNEL PATTERN: a mean_ns_x100 field of the first -icount boot, as
# instructions with one decimal
x100() {
	insns mean_ns_x100 "$1" "$2" | awk '{ printf "%.1f", $1 / 100 }'
}
# wall FIELD KERNEL PATTERN: the median over the three wall clock boots
wall() {
	for n in 1 2 3; do
		field "$1" "$out/$2.$n.log" "$3"
	done | sort -n | sed -n 2p
}
# both CLOCK FIELD METRIC UNIT PATTERN: one row from CLOCK (insns or wall)
both() {
	row "$3" "$4" "$($1 "$2" base "$5")" "$($1 "$2" patched "$5")"
}
for clock in insns wall; do
	if [ $clock = insns ]; then unit=insns; else unit=ns; fi
	for f in kallsyms_lookup_size_offset kallsyms_lookup sprint_symbol; do
		for set in starts middles random; do
			for v in median mean p99; do
				both $clock ${v}_ns "$f/$set $v ($clock)" $unit \
					"lookup $f $set"
			done
		done
	done
	for v in median p99; do
		both $clock ${v}_ns "kallsyms_lookup_name/names $v ($clock)" $unit \
			"lookup kallsyms_lookup_name names"
	done
	# one call at a time: only -icount counts a single call exactly
	if [ $clock = insns ]; then
		for f in kallsyms_lookup_size_offset kallsyms_lookup sprint_symbol; do
			row "$f/starts single-call mean (insns)" insns \
				"$(x100 base "single $f starts")" \
				"$(x100 patched "single $f starts")"
		done
	fi
	if [ $clock = insns ]; then unit="k insns"; else unit=us; fi
	for f in /proc/kallsyms /proc/kallsyms_sizes; do
		both $clock median_us "read $f median ($clock)" "$unit" "read $f"
	done
	# the new file against the old one, both on the patched kernel
	row "read /proc/kallsyms_sizes against /proc/kallsyms, patched ($clock)" "$unit" \
		"$($clock median_us patched "read /proc/kallsyms")" \
		"$($clock median_us patched "read /proc/kallsyms_sizes")"
	# per symbol: the series adds symbols, so lines, to /proc/kallsyms
	[ $clock = insns ] || continue
	per_sym() {
		n=$(ksz_lines "$out/$1.icount.1.log" | sed -n 's/^KSZB symbols=\([0-9]*\).*/\1/p')
		awk -v t="$(insns median_us "$1" "read /proc/kallsyms")" -v n="$n" \
			'BEGIN { if (n > 0 && t != "") printf "%.0f", t * 1000 / n }'
	}
	row "read /proc/kallsyms per vmlinux symbol (insns)" insns "$(per_sym base)" "$(per_sym patched)"
done

step 5 "kallsyms tables in both vmlinux files"
# each table's bytes: its ELF size, or its format's for a table without one
tables() {
	nm -n -S "$1" | awk -f "$here/lo32.awk" -f "$here/kallsyms-bytes.awk" ||
		die "bench: cannot size the kallsyms tables of $1"
}
tables "$BUILD/out-base/vmlinux" >"$out/tables-base.txt"
tables "$BUILD/out-bench/vmlinux" >"$out/tables-patched.txt"
nsyms=$(ksz_lines "$out/patched.1.log" | sed -n 's/^KSZB symbols=\([0-9]*\).*/\1/p')
# the patched vmlinux has every table of the unpatched one, and the new ones
for t in $(cut -d' ' -f1 "$out/tables-patched.txt"); do
	row "$t" bytes "$(awk -v t="$t" '$1 == t { print $2 }' "$out/tables-base.txt")" \
		"$(awk -v t="$t" '$1 == t { print $2 }' "$out/tables-patched.txt")"
done
tb=$(awk '{ s += $2 } END { print s }' "$out/tables-base.txt")
tp=$(awk '{ s += $2 } END { print s }' "$out/tables-patched.txt")
row "all kallsyms tables" bytes "$tb" "$tp"
sz=$(awk '$1 ~ /^kallsyms_(sizes|num_escaped_sizes|escaped_sizes|num_nested|nested)$/ { s += $2 } END { print s + 0 }' \
	"$out/tables-patched.txt")
row "sizes data per symbol (test kernel, $nsyms symbols)" bytes "" \
	"$(awk -v s="$sz" -v n="$nsyms" 'BEGIN { printf "%.3f", s / n }')"

step 6 "sizes data of the Debian fixture (make map-check)"
fixture=$(find_fixture)
if [ -n "$fixture" ]; then
	"$here/map-check.sh" "$BUILD/tree" "$fixture" "$BUILD/map-check" >"$out/map-check.txt"
	eval "$(tr ' ' '\n' <"$out/map-check.txt" | grep -E '^[a-z0-9_]+=[0-9.]+$')"
	row "fixture: sizes data per symbol (plain u32 = 4.000)" bytes 4.000 "$bytes_per_symbol"
	row "fixture: entropy limit of the sizes" bytes 4.000 \
		"$(awk -v h="$entropy_bits_per_symbol" 'BEGIN { printf "%.3f", h / 8 }')"
	row "fixture: sizes data, all tables ($symbols symbols)" bytes "$u32_bytes" "$sizes_bytes"
else
	note "bench: no Debian fixture, its rows are left out"
fi

step 7 "scripts/kallsyms on the unpatched vmlinux's listing, 7 runs each"
nm -n "$BUILD/out-base/vmlinux" | sed -f "$SRC/scripts/mksysmap" >"$out/listing.syms"
nm -n -S "$BUILD/out-base/vmlinux" | sed -f "$BUILD/tree/scripts/mksysmap" >"$out/listing.sized"
# time_runs CMD...: 7 runs, prints "min median" in ms
time_runs() {
	i=0
	while [ $i -lt 7 ]; do
		t0=$(date +%s%N)
		"$@" >/dev/null
		echo $((($(date +%s%N) - t0) / 1000))
		i=$((i + 1))
	done | sort -n | awk '{ v[NR] = $1 } END { printf "%.1f %.1f\n", v[1] / 1000, v[4] / 1000 }'
}
set -- $(time_runs "$BUILD/out-base/scripts/kallsyms" --all-symbols --pc-relative "$out/listing.syms")
kb_min=$1 kb_med=$2
set -- $(time_runs "$BUILD/out-bench/scripts/kallsyms" --all-symbols --pc-relative "$out/listing.sized")
kp_min=$1 kp_med=$2
row "scripts/kallsyms min" ms "$kb_min" "$kp_min"
row "scripts/kallsyms median" ms "$kb_med" "$kp_med"

step 8 "link step (make vmlinux after removing it), 3 runs each (logs: $out/link-*.log)"
link() {
	rm -f "$2/vmlinux"
	t0=$(date +%s%N)
	make -s -C "$1" O="$2" -j"$(nproc)" vmlinux >"$out/link-$3.log" 2>&1 ||
		die "bench: link failed, see $out/link-$3.log"
	echo $((($(date +%s%N) - t0) / 1000000))
}
for k in base patched; do
	: >"$out/link-$k.ms"
	for i in 1 2 3; do
		link "$(ktree $k)" "$(kout $k)" $k >>"$out/link-$k.ms"
	done
	sort -n "$out/link-$k.ms" | sed -n 2p >"$out/link-$k.txt"
done
row "link step median (make vmlinux)" ms "$(cat "$out/link-base.txt")" "$(cat "$out/link-patched.txt")"

echo
grep '^meta' "$tsv" | cut -f2- | sed 's/\t/: /'
echo
grep -v '^meta' "$tsv" | awk -F '\t' '{ printf "%-62s %-6s %12s %12s %7s\n", $1, $2, $3, $4, $5 }'
echo
echo "results: $tsv"
