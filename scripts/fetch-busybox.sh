#!/bin/sh
# Debian's static busybox for another architecture (a guest's userspace),
# fetched through a private apt configuration under BUILD_DIR/apt-DEBARCH
# (never /etc/apt), unpacked to BUILD_DIR/busybox-DEBARCH.  Prints the
# path of the binary.  Cached.
# Usage: fetch-busybox.sh BUILD_DIR DEBARCH
set -eu
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
mkdir -p "$1"; dir=$(cd "$1" && pwd)
arch=$2
bin=$dir/busybox-$arch/usr/bin/busybox
if [ ! -x "$bin" ]; then
	apt=$dir/apt-$arch
	. "$here/apt-private.sh"
	# only this architecture's package lists, not the host's
	aptarch() { aptget -o APT::Architecture="$arch" -o APT::Architectures::="$arch" "$@"; }
	aptarch update >"$apt/update.log" 2>&1 ||
		die "fetch-busybox: apt-get update failed, see $apt/update.log"
	mkdir -p "$apt/deb"
	(cd "$apt/deb" && aptarch download "busybox-static:$arch") \
		>"$apt/download.log" 2>&1 ||
		die "fetch-busybox: download failed, see $apt/download.log"
	rm -rf "$dir/busybox-$arch"
	dpkg-deb -x "$(ls "$apt"/deb/busybox-static_*.deb | tail -1)" "$dir/busybox-$arch"
	[ -x "$bin" ] || die "fetch-busybox: no usr/bin/busybox in busybox-static:$arch"
fi
echo "$bin"
