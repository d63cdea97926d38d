#!/bin/sh
# Fetch Debian's linux-source-$KVER from sid through a private apt
# configuration under $1 (never /etc/apt) and unpack it to $1/src.
# Cached: does nothing when $1/src/Makefile exists.
# Usage: fetch-source.sh BUILD_DIR [KVER]
set -eu
mkdir -p "$1"; dir=$(cd "$1" && pwd)
kver=${2:-7.2}
apt=$dir/apt
src=$dir/src

[ -f "$src/Makefile" ] && exit 0

mkdir -p "$apt/deb"
. "$(dirname "$0")/apt-private.sh"
apt_update fetch-source always
pkg=linux-source-$kver
ver=$(aptopts apt-cache show "$pkg" 2>/dev/null | sed -n 's/^Version: //p' | sort -V | tail -1)
if [ -z "$ver" ]; then
	echo "fetch-source: $pkg not found in sid" >&2
	exit 1
fi
echo "fetch-source: downloading $pkg $ver"
(cd "$apt/deb" && aptget download "$pkg=$ver") >"$apt/download.log" 2>&1 || {
	echo "fetch-source: download failed, see $apt/download.log" >&2
	exit 1
}
deb=$(ls "$apt"/deb/"${pkg}"_*.deb | tail -1)
rm -rf "$apt/x"
dpkg-deb -x "$deb" "$apt/x"
tarball=$(ls "$apt"/x/usr/src/"$pkg".tar.* | head -1)
echo "fetch-source: unpacking $(basename "$tarball")"
rm -rf "$src.tmp"
mkdir -p "$src.tmp"
tar -xf "$tarball" -C "$src.tmp" --strip-components=1
rm -rf "$apt/x" "$src"
echo "$ver" > "$src.tmp/.debian-version"
mv "$src.tmp" "$src"
