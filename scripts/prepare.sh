#!/bin/sh
# Everything the demo and the tests need, in order, with progress:
# source, tree, the unpatched and the patched kernel (side by side, out of
# tree), initramfs for each, and one boot of each.  A failed build stops
# here; a failed boot is left for the tests to report (with its log).
# Environment: BUILD SRC KSRC KVER (set by the Makefile).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
. "$here/lib.sh"

: "${BUILD:?}" "${SRC:?}"
N=8
step() {
	n=$1
	shift
	note "step $n/$N: $*"
}

if [ -z "${KSRC:-}" ]; then
	step 1 "fetch linux-source-${KVER:-7.2} and sparse (log: $BUILD/apt/*.log)"
	"$here/fetch-source.sh" "$BUILD" "${KVER:-7.2}"
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

step 5 "initramfs for both kernels: kselftest, test module, vmlinux"
mkdir -p "$BUILD/boot"
"$here/build-kselftest.sh" "$BUILD/tree" "$BUILD/guest"
mod_base=$("$here/build-module.sh" "$SRC" "$BUILD/out-base" ksz-mod)
mod_patched=$("$here/build-module.sh" "$BUILD/tree" "$BUILD/out-patched" ksz-mod)
"$here/make-initramfs.sh" "$BUILD/boot/base.cpio" "$BUILD/out-base" \
	"$BUILD/guest" "$BUILD/bin/holes" "$mod_base"
"$here/make-initramfs.sh" "$BUILD/boot/patched.cpio" "$BUILD/out-patched" \
	"$BUILD/guest" "$BUILD/bin/holes" "$mod_patched" \
	$(find "$BUILD/out-patched" -name 'kallsyms_sizes_kunit.ko')

step 6 "boot unpatched kernel (console: $BUILD/boot/base.log)"
"$here/boot.sh" "$BUILD/out-base/arch/x86/boot/bzImage" \
	"$BUILD/boot/base.cpio" "$BUILD/boot/base.log" || true

step 7 "boot patched kernel (console: $BUILD/boot/patched.log)"
"$here/boot.sh" "$BUILD/out-patched/arch/x86/boot/bzImage" \
	"$BUILD/boot/patched.cpio" "$BUILD/boot/patched.log" || true

step 8 "done"
