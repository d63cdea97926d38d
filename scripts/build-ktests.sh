#!/bin/sh
# The kernel's own tests of what the series touches, for one kernel build,
# as a tree to lay over the test initramfs' root: /ktests holds ftracetest
# and the livepatch selftests from that kernel's tree, with the livepatch
# test modules built against that build; /lib/modules the build's own
# modules (the trace-printk sample, for modprobe); /opt/host/bin the host
# programs the livepatch scripts need beyond busybox (bash, date
# --rfc-3339, sysctl --values, diff, stat --format, getconf, and kmod's
# modinfo, insmod and rmmod: busybox's modinfo looks for modules.dep, and
# the scripts compare kmod's messages), their libraries at the host's
# paths.
# guest/run-ktests runs them in the guest.
# Usage: build-ktests.sh KERNEL_TREE KBUILD_DIR OUT_DIR
set -eu
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
tree=$1
kbuild=$2
out=$3
st=$tree/tools/testing/selftests

rm -rf "$out"
kt=$out/ktests
mkdir -p "$kt/livepatch" "$out/opt/host/bin"
cp -r "$st/ftrace" "$kt/ftrace"

# livepatch: the scripts, the test program, the modules (M= writes next
# to the sources, so build a copy under the kernel's build directory)
cp "$st/livepatch"/functions.sh "$st/livepatch"/test-*.sh "$kt/livepatch/"
${CC:-cc} -O2 -static -o "$kt/livepatch/test_klp-call_getpid" \
	"$st/livepatch/test_klp-call_getpid.c"
mods=$kbuild/klp-test-modules
rm -rf "$mods"
cp -r "$st/livepatch/test_modules" "$mods"
make -s -C "$tree" O="$kbuild" M="$mods" modules >"$mods/build.log" 2>&1 ||
	die "build-ktests: livepatch test modules failed, see $mods/build.log"
mkdir -p "$kt/livepatch/test_modules"
cp "$mods"/*.ko "$kt/livepatch/test_modules/"

# the build's modules (the trace-printk sample), for modprobe
make -s -C "$tree" O="$kbuild" INSTALL_MOD_PATH="$out" modules_install \
	>"$kbuild/modules_install.log" 2>&1 ||
	die "build-ktests: modules_install failed, see $kbuild/modules_install.log"
# its "build" link names the host's build directory; the initramfs puts
# the booted vmlinux there instead
rm -f "$out"/lib/modules/*/build

# host programs, and the libraries and loader they name, at the same paths
for prog in bash date sysctl diff stat getconf modinfo insmod rmmod; do
	path=$(command -v "$prog") || die "build-ktests: no $prog on the host"
	cp "$path" "$out/opt/host/bin/"
	ldd "$path" | grep -o '/[^ ]*' | while read -r lib; do
		mkdir -p "$out$(dirname "$lib")"
		cp -L "$lib" "$out$lib"
	done
done
