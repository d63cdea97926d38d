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

mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$apt/deb"
: > "$apt/status"
cat > "$apt/sources.list" <<LIST
deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian sid main
LIST

# apt-get and apt-cache with every path pointing under $apt
aptopts() {
	cmd=$1
	shift
	"$cmd" -q \
		-o Dir::Etc::SourceList="$apt/sources.list" \
		-o Dir::Etc::SourceParts=/dev/null \
		-o Dir::Etc::Preferences=/dev/null \
		-o Dir::Etc::PreferencesParts=/dev/null \
		-o Dir::State::Lists="$apt/lists" \
		-o Dir::State::status="$apt/status" \
		-o Dir::Cache="$apt/cache" \
		-o Debug::NoLocking=1 \
		"$@"
}
aptget() { aptopts apt-get "$@"; }

echo "fetch-source: apt-get update (sid, private lists in $apt)"
aptget update >"$apt/update.log" 2>&1 || {
	echo "fetch-source: apt-get update failed, see $apt/update.log" >&2
	exit 1
}
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
