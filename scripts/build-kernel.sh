#!/bin/sh
# Configure (tinyconfig + configs/test.config [+ extra fragments]) and build
# one kernel out of tree.  Incremental: reconfigures only when a fragment is
# newer than .config.  ARCH, CROSS_COMPILE and LLVM come from the
# environment, as kbuild reads them; KIMAGE names the boot image.
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
	# every fragment setting must have survived (the last fragment's,
	# where fragments set a symbol twice): a dependency we missed would
	# otherwise silently drop a feature the tests rely on
	cat "$@" | awk '
		/^CONFIG_[A-Za-z0-9_]+=/ { k = substr($0, 1, index($0, "=") - 1) }
		/^# CONFIG_[A-Za-z0-9_]+ is not set$/ { k = $2 }
		k != "" { if (!(k in v)) order[++n] = k; v[k] = $0; k = "" }
		END { for (i = 1; i <= n; i++) print v[order[i]] }' |
	while read -r line; do
		case $line in
		"# "*)
			sym=${line#"# "}
			sym=${sym%% *}
			! grep -q "^$sym=" "$out/.config" ||
				die "build-kernel: $sym is on in $out/.config, the fragments turn it off"
			;;
		*)
			grep -qx "$line" "$out/.config" ||
				die "build-kernel: $line did not stick in $out/.config"
			;;
		esac
	done
fi
# KIMAGE: the boot image of the architecture (bzImage on x86); modules
# only where the configuration has them
targets="vmlinux ${KIMAGE:-bzImage}"
grep -q '^CONFIG_MODULES=y' "$out/.config" && targets="$targets modules"
# shellcheck disable=SC2086 # targets holds several make targets
run_logged "$out/build.log" make -C "$src" O="$out" -j"$jobs" $targets
# link.log: the log of the last build that linked vmlinux, which shows
# its link passes (.tmp_vmlinux1, 2, ...): t/extra-pass.t, make matrix
if grep -q '^ *LD *\.tmp_vmlinux' "$out/build.log"; then
	cp "$out/build.log" "$out/link.log"
fi
