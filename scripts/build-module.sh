#!/bin/sh
# Build the harness' test module (guest/ksz-mod) against one kernel build,
# in a copy under that build's directory (M= writes next to the source).
# Prints the path of the .ko.
# Usage: build-module.sh KERNEL_TREE KBUILD_DIR
set -eu
here=$(cd "$(dirname "$0")" && pwd)
mod=$2/ksz-mod
rm -rf "$mod"
cp -r "$here/../guest/ksz-mod" "$mod"
make -s -C "$1" O="$2" M="$mod" modules >"$mod/build.log" 2>&1 || {
	echo "build-module: failed, see $mod/build.log" >&2
	exit 1
}
echo "$mod/ksz_noreturn.ko"
