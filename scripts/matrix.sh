#!/bin/sh
# make matrix: the series on the architectures and toolchains of
# configs/matrix/targets, unpatched and patched side by side.  For each
# target: build both kernels; decode the patched vmlinux's kallsyms tables
# and compare every symbol with that vmlinux's own ELF symbols
# (tools/sizes-decode --vmlinux); link it again, then with
# KALLSYMS_EXTRA_PASS=1, and compare (scripts/extra-pass.sh); where the
# target boots, boot both kernels with the guest suite (scripts/matrix-boot.sh).
# A failed step names its log and the other targets go on.  Results: a
# table on stdout and $BUILD/matrix/results.tsv (matrix-table.sh prints it).
# MATRIX="arm64 x86_64-clang" runs only those targets; MATRIX_TSV names
# another results file (make check's share of the matrix has its own).
# Environment: BUILD SRC (set by the Makefile).
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
. "$here/lib.sh"
: "${BUILD:?}" "${SRC:?}"
[ -d "$BUILD/tree/.git" ] || die "matrix: no $BUILD/tree (make tree)"
out=$BUILD/matrix
mkdir -p "$out"
tsv=${MATRIX_TSV:-$out/results.tsv}

targets=$(grep -v '^[[:space:]]*\(#\|$\)' "$top/configs/matrix/targets")
if [ -n "${MATRIX:-}" ]; then
	for want in $MATRIX; do
		echo "$targets" | awk -v w="$want" '$1 == w { f = 1 } END { exit !f }' ||
			die "matrix: no target $want in configs/matrix/targets"
	done
	targets=$(echo "$targets" | awk -v list=" $MATRIX " 'index(list, " " $1 " ")')
fi
n=$(echo "$targets" | grep -c .)

# field NAME VALUE: one result of the current target
field() { printf '%s\t%s\t%s\n' "$name" "$1" "$2" >>"$tsv.new"; }

: >"$tsv.new"
printf 'meta\tdate\t%s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" >>"$tsv.new"
printf 'meta\tkernel\t%s\n' "$(cat "$SRC/.debian-version" 2>/dev/null ||
	make -s -C "$SRC" kernelversion)" >>"$tsv.new"
i=0
make_flags=${MAKEFLAGS-}
echo "$targets" | while read -r name arch cross llvm image frags boot makevars; do
	i=$((i + 1))
	t=$out/$name
	mkdir -p "$t"
	export ARCH=$arch KIMAGE=$image
	[ "$cross" = - ] && cross=
	[ "$llvm" = - ] && llvm=
	export CROSS_COMPILE=$cross
	if [ -n "$llvm" ]; then
		export LLVM=$llvm NM=llvm-nm$llvm OBJDUMP=llvm-objdump$llvm
	else
		unset LLVM
		export NM=${cross}nm OBJDUMP=${cross}objdump
	fi
	# MAKEVARS: command-line variables of every make below, through
	# MAKEFLAGS (make takes VAR=VALUE there as given on its command line)
	if [ "${makevars:--}" = - ]; then
		makevars=
		export MAKEFLAGS="$make_flags"
	else
		makevars=$(echo "$makevars" | tr ',' ' ')
		export MAKEFLAGS="$makevars"
	fi
	fragments=$(echo "$frags" | tr ',' '\n' | sed "s|^|$top/configs/|")
	extra=
	[ "$boot" = - ] || extra=$top/configs/patched.config
	field arch "$arch"
	if [ -n "$llvm" ]; then
		field toolchain "clang$llvm, lld$llvm"
	else
		field toolchain "gcc ${cross:-(host)}"
	fi
	field config "tinyconfig + $frags${makevars:+, make $makevars}"

	ok=1
	for k in base patched; do
		note "matrix $i/$n: $name: build $k (log: $t/$k/build.log)"
		src=$SRC more=
		[ $k = base ] || { src=$BUILD/tree more=$extra; }
		# shellcheck disable=SC2086 # fragments: one path per line
		if ! "$here/build-kernel.sh" "$src" "$t/$k" $fragments $more >"$t/$k.log" 2>&1; then
			note "matrix $i/$n: $name: $k BUILD FAILED, see $t/$k.log and $t/$k/build.log"
			field "build_$k" "FAILED ($t/$k.log)"
			ok=0
			continue
		fi
		field "build_$k" ok
		# kallsyms link passes: two, or a third when the second's
		# tables had other symbols than the first's
		field "passes_$k" "$(grep -c '^ *LD *\.tmp_vmlinux[0-9]' "$t/$k/link.log")"
	done
	[ $ok = 1 ] || continue

	note "matrix $i/$n: $name: decode the patched vmlinux (log: $t/decode.log)"
	"$BUILD/bin/sizes-decode" --vmlinux "$t/patched/vmlinux" >"$t/decode.log" 2>&1
	rc=$?
	last=$(tail -n 1 "$t/decode.log")
	get() { echo "$last" | sed -n "s/.*$1=\([0-9.]*\).*/\1/p"; }
	field symbols "$(get symbols)"
	field mismatches "$(get mismatches)"
	field bytes_per_symbol "$(get bytes_per_symbol)"
	field decode "$([ $rc = 0 ] && echo ok || echo "FAILED exit $rc ($t/decode.log)")"
	field format "$(sed -n 's/^vmlinux: \(.*\), tables in.*/\1/p' "$t/decode.log")"

	note "matrix $i/$n: $name: relink the patched vmlinux, then with KALLSYMS_EXTRA_PASS=1 (logs: $t/patched/link-*.log)"
	if "$here/extra-pass.sh" "$BUILD/tree" "$t/patched" >"$t/extra-pass.log" 2>&1 &&
		cmp -s "$t/patched/kallsyms-tables.2" "$t/patched/kallsyms-tables.3"; then
		if cmp -s "$t/patched/vmlinux.2-pass" "$t/patched/vmlinux"; then
			field extra_pass "same tables, same vmlinux"
		else
			field extra_pass "same tables"
		fi
	else
		field extra_pass "DIFFERENT ($t/extra-pass.log)"
	fi

	if [ "$boot" != - ]; then
		note "matrix $i/$n: $name: boot both kernels with the guest suite (consoles: $t/{base,patched}.console)"
		BOOT_ARCH=$boot "$here/matrix-boot.sh" "$t" "$boot" >"$t/boot.log" 2>&1
		sed -n 's/^KSZM \([a-z_]*\) /\1\t/p' "$t/boot.log" |
			while IFS='	' read -r f v; do field "$f" "$v"; done
	fi
done
# A run of some targets (MATRIX=) into the full results file updates the
# rows of those targets and keeps the others', in the targets' order.
if [ -n "${MATRIX:-}" ] && [ -z "${MATRIX_TSV:-}" ] && [ -f "$tsv" ]; then
	# the history of the rows: which targets ran when, latest last; a
	# run whose targets all run again now has no row left and is dropped
	awk -F '\t' -v list=" $MATRIX " '
		function left(r,   t, i, k) {
			k = split(substr(r, 1, index(r, " at ") - 1), t, " ")
			for (i = 1; i <= k; i++)
				if (!index(list, " " t[i] " "))
					return 1
			return 0
		}
		$1 == "meta" && $2 == "run" { n++; if (left($3)) print; next }
		$1 == "meta" && $2 == "date" { d = $3 }
		END { if (!n) printf "meta\trun\tall targets at %s\n", d }' \
		"$tsv" >>"$tsv.new"
	printf 'meta\trun\t%s at %s\n' "$MATRIX" \
		"$(awk -F '\t' '$1 == "meta" && $2 == "date" { print $3 }' "$tsv.new")" \
		>>"$tsv.new"
	grep -v '^[[:space:]]*\(#\|$\)' "$top/configs/matrix/targets" |
		awk '{ print $1 }' >"$tsv.order"
	awk -F '\t' -v list=" $MATRIX " '
		FILENAME == ARGV[1] { order[++n] = $1; next }
		FILENAME == ARGV[2] { if ($1 != "meta") old[$1] = old[$1] $0 "\n"; next }
		$1 == "meta" { print; next }
		{ new[$1] = new[$1] $0 "\n" }
		END {
			for (i = 1; i <= n; i++) {
				t = order[i]
				printf "%s", index(list, " " t " ") ? new[t] : old[t]
			}
		}' "$tsv.order" "$tsv" "$tsv.new" >"$tsv.merged"
	mv "$tsv.merged" "$tsv.new"
	rm -f "$tsv.order"
fi
mv "$tsv.new" "$tsv"
"$here/matrix-table.sh" "$tsv"
