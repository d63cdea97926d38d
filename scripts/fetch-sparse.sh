#!/bin/sh
# Build sparse for `make C=2` into BUILD_DIR/bin/sparse.  Bookworm's sparse
# (0.6.4) cannot parse Linux 7.2 (__typeof_unqual__), and sid's binary
# needs a newer libc, so build sid's source package with the host compiler
# (sources through the private apt configuration, never /etc/apt).
# Cached: does nothing when BUILD_DIR/bin/sparse exists.
# Usage: fetch-sparse.sh BUILD_DIR
set -eu
mkdir -p "$1"; dir=$(cd "$1" && pwd)
apt=$dir/apt
out=$dir/bin/sparse
[ -x "$out" ] && exit 0

. "$(dirname "$0")/apt-private.sh"
apt_update fetch-sparse
work=$dir/sparse-src
rm -rf "$work"
mkdir -p "$work" "$dir/bin"
echo "fetch-sparse: downloading the sparse source package"
(cd "$work" && aptget source --download-only sparse) >"$apt/sparse-download.log" 2>&1 || {
	echo "fetch-sparse: download failed, see $apt/sparse-download.log" >&2
	exit 1
}
tar -xf "$work"/sparse_*.orig.tar.* -C "$work"
echo "fetch-sparse: building $(basename "$work"/sparse-*/)"
make -C "$work"/sparse-*/ -j"$(nproc)" sparse HAVE_LLVM=no HAVE_SQLITE=no \
	HAVE_GTK=no HAVE_LIBXML=no >"$work/build.log" 2>&1 || {
	echo "fetch-sparse: build failed, see $work/build.log" >&2
	exit 1
}
cp "$work"/sparse-*/sparse "$out"
