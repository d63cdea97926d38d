#!/bin/sh
# Install the series' kselftest and the ftrace selftests from a kernel
# tree for a test initramfs, as a target machine runs them:
#   OUT_DIR/kselftest  "make -C tools/testing/selftests TARGETS=kallsyms
#                      install": run_kselftest.sh, the program (linked
#                      statically: the guest has no libc) and its test
#                      module, built against KBUILD_DIR
#   OUT_DIR/ftrace     ftracetest and its test.d, as in the tree
# ARCH, CROSS_COMPILE and LLVM are taken from the environment, as for the
# kernel: kselftest's lib.mk picks the program's compiler from them, and
# the module's make must use the kernel's (no CC= on a command line,
# which would reach that make too).  Does nothing, saying so, when the
# tree has no such test (an empty series).
# Usage: build-kselftest.sh KERNEL_TREE KBUILD_DIR OUT_DIR
set -eu
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
st=$1/tools/testing/selftests
kbuild=$(cd "$2" && pwd)
if [ ! -d "$st/kallsyms" ]; then
	echo "build-kselftest: no $st/kallsyms, nothing to build"
	exit 0
fi
rm -rf "$3"
mkdir -p "$3"
out=$(cd "$3" && pwd)
# O= the kernel's build directory: the program is built under it, and the
# test module's kernel make needs it (without O=, kselftest's Makefile
# passes an empty O= down, which sends that make to the source tree).
# The module is built next to its sources: start clean, so that nothing
# built for another kernel is reused.
mk() {
	make -C "$st" O="$kbuild" TARGETS=kallsyms KDIR="$kbuild" \
		USERLDFLAGS=-static "$@"
}
mk clean >/dev/null 2>&1 || true
run_logged "$out/build.log" mk INSTALL_PATH="$out/kselftest" install
[ -f "$out/kselftest/kallsyms/test_modules/test_kallsyms_sizes.ko" ] ||
	die "build-kselftest: no test module built against $kbuild (log: $out/build.log)"
mkdir -p "$out/ftrace"
cp -r "$st/ftrace/ftracetest" "$st/ftrace/test.d" "$out/ftrace/"
