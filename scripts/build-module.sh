#!/bin/sh
# Build one of the harness' test modules (a directory under guest/ with a
# Kbuild file) against one kernel build, in a copy under that build's
# directory (M= writes next to the source).  Prints the path of the .ko.
# Usage: build-module.sh KERNEL_TREE KBUILD_DIR MODULE_DIR
set -eu
here=$(cd "$(dirname "$0")" && pwd)
name=$(basename "$3")
mod=$2/$name
rm -rf "$mod"
cp -r "$here/../guest/$name" "$mod"
make -s -C "$1" O="$2" M="$mod" modules >"$mod/build.log" 2>&1 || {
	echo "build-module: $name failed, see $mod/build.log" >&2
	exit 1
}
ls "$mod"/*.ko
