#!/bin/sh
# Build the series' kselftest (tools/testing/selftests/kallsyms) from a
# kernel tree as a static program for the test initramfs.  Does nothing,
# saying so, when the tree has no such test (an empty series).
# Usage: build-kselftest.sh KERNEL_TREE OUT_DIR
set -eu
src=$1/tools/testing/selftests/kallsyms/kallsyms_sizes.c
if [ ! -f "$src" ]; then
	echo "build-kselftest: no $src, nothing to build"
	exit 0
fi
mkdir -p "$2"
${CC:-cc} -O2 -Wall -static -I"$1/tools/testing/selftests" \
	-o "$2/kallsyms_sizes" "$src"
