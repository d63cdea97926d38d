#!/bin/sh
# Configure (tinyconfig + configs/test.config [+ extra fragments]) and build
# one kernel out of tree.  Incremental: reconfigures only when a fragment is
# newer than .config.
# Usage: build-kernel.sh SRC OUT FRAGMENT... 
set -eu
here=$(dirname "$0")
. "$here/lib.sh"

src=$(cd "$1" && pwd)
out=$2
shift 2
[ -f "$src/Makefile" ] || die "build-kernel: $src is not a kernel tree"
mkdir -p "$out"
out=$(cd "$out" && pwd)
jobs=$(nproc)

stale=0
[ -f "$out/.config" ] || stale=1
for f in "$@"; do
	[ -f "$f" ] || die "build-kernel: no config fragment $f"
	[ "$f" -nt "$out/.config" ] && stale=1
done
if [ $stale = 1 ]; then
	run_logged "$out/configure.log" make -C "$src" O="$out" tinyconfig
	run_logged "$out/configure.log.2" \
		"$src/scripts/kconfig/merge_config.sh" -m -O "$out" "$out/.config" "$@"
	run_logged "$out/configure.log.3" make -C "$src" O="$out" olddefconfig
	# every fragment line must have survived: a dependency we missed
	# would otherwise silently drop a feature the tests rely on
	for f in "$@"; do
		grep '^CONFIG_' "$f" | while read -r line; do
			grep -qx "$line" "$out/.config" ||
				die "build-kernel: $line from $f did not stick in $out/.config"
		done
	done
fi
run_logged "$out/build.log" make -C "$src" O="$out" -j"$jobs" vmlinux bzImage modules
