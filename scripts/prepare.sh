#!/bin/sh
# Everything the demo and the tests need, in order, with progress:
# source, tree, the unpatched and the patched kernel (side by side, out of
# tree), the patched one relinked with an extra kallsyms pass, initramfs
# for each, and one boot of each.  A failed build stops
# here; a failed boot is left for the tests to report (with its log).
# Environment: BUILD SRC KSRC KVER (set by the Makefile).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
. "$here/lib.sh"

: "${BUILD:?}" "${SRC:?}"
N=9
step() {
	n=$1
	shift
	note "step $n/$N: $*"
}

if [ -z "${KSRC:-}" ]; then
	step 1 "fetch linux-source-${KVER:-7.3} and sparse (log: $BUILD/apt/*.log)"
	"$here/fetch-source.sh" "$BUILD" "${KVER:-7.3}"
else
	step 1 "use KSRC=$KSRC; fetch sparse (log: $BUILD/apt/*.log)"
	[ -f "$KSRC/Makefile" ] || die "KSRC=$KSRC is not a kernel tree"
fi
"$here/fetch-sparse.sh" "$BUILD"

step 2 "make tree: $BUILD/tree = baseline + patches/series"
"$here/make-tree.sh" "$SRC" "$BUILD/tree" "$top/patches"

step 3 "build unpatched kernel (log: $BUILD/out-base/build.log)"
"$here/build-kernel.sh" "$SRC" "$BUILD/out-base" "$top/configs/test.config"

step 4 "build patched kernel (log: $BUILD/out-patched/build.log)"
"$here/build-kernel.sh" "$BUILD/tree" "$BUILD/out-patched" \
	"$top/configs/test.config" "$top/configs/patched.config"

step 5 "relink the patched vmlinux, then with KALLSYMS_EXTRA_PASS=1 (logs: $BUILD/out-patched/link-*.log)"
"$here/extra-pass.sh" "$BUILD/tree" "$BUILD/out-patched"

step 6 "initramfs for both kernels: kselftest and ftracetest (logs: $BUILD/kselftest-*/build.log), perf (log: $BUILD/perf/build.log), test modules, the kernel's own tests, vmlinux"
mkdir -p "$BUILD/boot"
"$here/build-perf.sh" "$BUILD/tree" "$BUILD/perf" "$BUILD/guest"
for k in base patched; do
	src=$SRC
	[ $k = base ] || src=$BUILD/tree
	mods=
	for m in ksz-mod ksz-weak; do
		mods="$mods $("$here/build-module.sh" "$src" "$BUILD/out-$k" $m)"
	done
	"$here/build-ktests.sh" "$src" "$BUILD/out-$k" "$BUILD/ktests-$k"
	# the series' tests, from the patched tree for both kernels (the
	# test module built against each): unpatched, they show what fails
	"$here/build-kselftest.sh" "$BUILD/tree" "$BUILD/out-$k" \
		"$BUILD/kselftest-$k"
	# shellcheck disable=SC2086 # mods holds several paths
	KSZ_KTESTS=$BUILD/ktests-$k KSZ_KSELFTEST=$BUILD/kselftest-$k \
		"$here/make-initramfs.sh" \
		"$BUILD/boot/$k.cpio" "$BUILD/out-$k" \
		"$BUILD/guest" "$BUILD/bin/holes" $mods
done

step 7 "boot unpatched kernel (console: $BUILD/boot/base.log)"
"$here/boot.sh" "$BUILD/out-base/arch/x86/boot/bzImage" \
	"$BUILD/boot/base.cpio" "$BUILD/boot/base.log" 2400 || true

step 8 "boot patched kernel (console: $BUILD/boot/patched.log)"
"$here/boot.sh" "$BUILD/out-patched/arch/x86/boot/bzImage" \
	"$BUILD/boot/patched.cpio" "$BUILD/boot/patched.log" 2400 || true

step 9 "done"
