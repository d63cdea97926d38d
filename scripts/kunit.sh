#!/bin/sh
# The series' KUnit suite run as its users run it: kunit.py with the
# suite's .kunitconfig (kernel/.kunitconfig), on UML (kunit.py's default
# architecture) or, with ARCH, under QEMU (kunit.py --arch; arm64 with the
# cross compiler), the kernel built in BUILD_DIR.  kunit.py's output and
# its exit status go to LOG (t/kunit-uml.t reads the UML one); a failing
# suite does not stop the caller.  Says so in LOG when the tree has no
# such suite.
# Usage: kunit.sh KERNEL_TREE BUILD_DIR LOG [ARCH]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
tree=$1
mkdir -p "$2"
out=$(cd "$2" && pwd)
log=$3
arch=${4:-um}
note "kunit.py run --kunitconfig=kernel --arch=$arch (log: $log)"
if [ ! -f "$tree/kernel/.kunitconfig" ]; then
	echo "kunit: no kernel/.kunitconfig in $tree, nothing to run" >"$log"
	exit 0
fi
set -- python3 tools/testing/kunit/kunit.py run --kunitconfig=kernel \
	--build_dir="$out" --jobs="$(nproc)" --arch="$arch"
[ "$arch" != arm64 ] || set -- "$@" --cross_compile=aarch64-linux-gnu-
# kunit.py asks QEMU for KVM first; where /dev/kvm exists but KVM runs no
# guest (these machines: kunit.py times out), hide it in a mount namespace
# of kunit.py's own, so that QEMU falls back to TCG (KSZ_KVM=1 keeps it)
if [ "$arch" != um ] && [ -e /dev/kvm ] && [ "${KSZ_KVM:-0}" = 0 ] &&
	command -v unshare >/dev/null; then
	set -- unshare -m sh -c 'mount --bind /dev/null /dev/kvm && exec "$@"' sh "$@"
fi
rc=0
(cd "$tree" && "$@") >"$log" 2>&1 || rc=$?
echo "kunit.py exit status $rc" >>"$log"
