#!/bin/sh
# Fetch Debian's linux-source-$KVER (the binary package: its tarball is the
# kernel source) from sid or experimental through a private apt
# configuration under $1 (never /etc/apt) and unpack it to $1/src.
# Cached: does nothing when $1/src holds that version already.
# Usage: fetch-source.sh BUILD_DIR [KVER]
set -eu
mkdir -p "$1"; dir=$(cd "$1" && pwd)
kver=${2:-7.3}
apt=$dir/apt
src=$dir/src

if [ -f "$src/Makefile" ]; then
	have=$(cat "$src/.debian-version" 2>/dev/null || echo unknown)
	case $have in
	"$kver"*) exit 0 ;;
	esac
	echo "fetch-source: $src holds $have, not $kver: remove $src (and $dir/tree) to switch" >&2
	exit 1
fi

mkdir -p "$apt/deb"
. "$(dirname "$0")/apt-private.sh"
apt_update fetch-source always
pkg=linux-source-$kver
ver=$(aptopts apt-cache show "$pkg" 2>/dev/null | sed -n 's/^Version: //p' | sort -V | tail -1)
if [ -z "$ver" ]; then
	have=$(aptopts apt-cache pkgnames linux-source- 2>/dev/null |
		sed -n 's/^linux-source-\([0-9][0-9.]*\)$/\1/p' | sort -V | tr '\n' ' ')
	echo "fetch-source: $pkg is in neither sid nor experimental." >&2
	echo "fetch-source: the archive has linux-source versions: ${have:-none}" >&2
	echo "fetch-source: pick one with KVER=<version> (the patches are for 7.3;" >&2
	echo "fetch-source: another version may not take them), or use KSRC=/path/to/linux." >&2
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
