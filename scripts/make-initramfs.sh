#!/bin/sh
# Build the test initramfs (uncompressed newc cpio) for one kernel build:
# busybox-static, guest/init, the static guest programs, the kprobe specs
# picked from that build's own vmlinux, the vmlinux itself, and any modules
# given; with KSZ_KTESTS=DIR, the kernel's own tests built in DIR; with
# KSZ_KSELFTEST=DIR, the series' kselftest and ftracetest installed in DIR
# (scripts/build-kselftest.sh) as /kselftest and /ftrace.  For a
# guest of another architecture GUEST_BUSYBOX names its static busybox
# (scripts/fetch-busybox.sh); the applet links follow the host's busybox.
# Usage: make-initramfs.sh OUT.cpio KBUILD_DIR GUEST_BIN_DIR HOLES_BIN [MODULE.ko...]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

out=$1
kbuild=$2
gbin=$3
holes=$4
shift 4

bb=$(command -v busybox || true)
[ -n "$bb" ] && file -L "$bb" 2>/dev/null | grep -q 'statically linked' ||
	bb=/bin/busybox
[ -x "$bb" ] || die "make-initramfs: no busybox (apt-get install busybox-static)"
gbb=${GUEST_BUSYBOX:-$bb}
[ -f "$gbb" ] || die "make-initramfs: no guest busybox $gbb"

root=$out.d
rm -rf "$root"
mkdir -p "$root/bin" "$root/sbin" "$root/proc" "$root/sys" "$root/dev" \
	"$root/tmp" "$root/modules"
cp "$gbb" "$root/bin/busybox"
for app in $("$bb" --list); do
	[ "$app" = busybox ] || ln -sf busybox "$root/bin/$app"
done
cp "$here/../guest/init" "$root/init"
chmod +x "$root/init"
cp "$gbin"/* "$root/bin/"
align=$(sed -n 's/^CONFIG_FUNCTION_ALIGNMENT=//p' "$kbuild/.config")
# (a small kernel may have no hole to probe: the kprobe test then has no
# spec, and says so; the kselftest looks for its own gap)
"$here/pick-hole.sh" "$holes" "$kbuild/vmlinux" "${align:-16}" > "$root/params" ||
	echo "make-initramfs: no hole for the kprobe test in $kbuild/vmlinux" >&2
for m in "$@"; do
	cp "$m" "$root/modules/"
	# ksz_weak takes the place of its weak leftover as parameters
	[ "$(basename "$m")" != ksz_weak.ko ] ||
		"$here/weak-leftover.sh" "$(dirname "$m")" >> "$root/params"
	# ksz_noreturn prints %pS one past ksz_pad_fn's end, as an oops
	# that ran into the padding after it reports the address
	if [ "$(basename "$m")" = ksz_noreturn.ko ]; then
		s=$(${NM:-nm} -S "$m" | awk '$4 == "ksz_pad_fn" { print $2; exit }')
		[ -n "$s" ] || die "make-initramfs: no sized ksz_pad_fn in $m"
		printf 'PAD_RIP=0x%x\n' $((0x$s + 1)) >> "$root/params"
	fi
done
# the kernel's own tests (scripts/build-ktests.sh), laid over the root
if [ -n "${KSZ_KTESTS:-}" ]; then
	cp -r "$KSZ_KTESTS"/. "$root/"
	cp "$here/../guest/run-ktests" "$root/bin/"
fi
if [ -n "${KSZ_KSELFTEST:-}" ] && [ -d "$KSZ_KSELFTEST/kselftest" ]; then
	cp -r "$KSZ_KSELFTEST/kselftest" "$KSZ_KSELFTEST/ftrace" "$root/"
fi
# a bench initramfs: /init runs /bench/run instead of the tests
if [ -n "${KSZ_BENCH:-}" ]; then
	mkdir -p "$root/bench"
	cp "$KSZ_BENCH"/* "$root/bench/"
fi
# the booted vmlinux, where the kselftest looks for its ELF symbol table
krel=$(cat "$kbuild/include/config/kernel.release")
mkdir -p "$root/lib/modules/$krel/build"
cp "$kbuild/vmlinux" "$root/lib/modules/$krel/build/vmlinux"
(cd "$root" && find . | sort | cpio -o -H newc --quiet) > "$out"
