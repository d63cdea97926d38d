#!/bin/sh
# Install the Debian packages the harness needs; skip those already present.
# Idempotent: a second run with everything installed does nothing.
set -eu

# (binutils-powerpc64le-linux-gnu links the big-endian images of
# t/vmlinux-decode.t; its as and ld take -mbig)
# (zlib1g-dev: the static libz of the guest's perf, with libelf-dev's libelf)
PKGS="build-essential flex bison bc libelf-dev zlib1g-dev libssl-dev cpio kmod dwarves
python3 qemu-system-x86 busybox-static rsync xz-utils git perl sparse binutils
ca-certificates gpgv debian-archive-keyring
bash coreutils procps diffutils git-email libmailtools-perl b4
binutils-powerpc64le-linux-gnu"

# make matrix: cross compilers (with the C libraries of the static guest
# programs), clang and lld, QEMU for the other machines
[ "${1:-}" = matrix ] && PKGS="gcc-aarch64-linux-gnu gcc-riscv64-linux-gnu
gcc-i686-linux-gnu gcc-arm-linux-gnueabihf gcc-powerpc64-linux-gnu
gcc-powerpc64le-linux-gnu gcc-s390x-linux-gnu libc6-dev-arm64-cross
libc6-dev-riscv64-cross libc6-dev-i386-cross libc6-dev-ppc64-cross
libc6-dev-ppc64el-cross
clang-19 lld-19 llvm-19 qemu-system-arm qemu-system-misc qemu-system-ppc"

missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
	echo "install-deps: no apt-get on this machine; install by hand:$missing" >&2
	exit 1
fi
if [ "$(id -u)" != 0 ]; then
	echo "install-deps: not root; run as root or install by hand:$missing" >&2
	exit 1
fi
# apt's output goes to a log: the first screen of make demo is step lines
log=${BUILD:-$(cd "$(dirname "$0")/.." && pwd)/build}/deps.log
mkdir -p "$(dirname "$log")"
# shellcheck disable=SC2086
n=$(echo $missing | wc -w)
echo "install-deps: installing $n Debian packages (log: $log)"
echo "installing:$missing" >"$log"
export DEBIAN_FRONTEND=noninteractive
# shellcheck disable=SC2086
if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends $missing; } \
	>>"$log" 2>&1; then
	tail -n 20 "$log" >&2
	echo "install-deps: FAILED: apt-get (full log: $log)" >&2
	exit 1
fi
