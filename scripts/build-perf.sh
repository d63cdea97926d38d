#!/bin/sh
# Build perf from a kernel tree's tools/perf as one static program for the
# test initramfs: libelf (for perf probe and perf test's vmlinux), none of
# DWARF, libtraceevent, BPF, Rust, python, perl or the GUI libraries.  The same
# perf runs on both kernels; it reads /proc/kallsyms_sizes where there is
# one.  Incremental: perf's own make does only what changed.
# Usage: build-perf.sh KERNEL_TREE OUT_DIR GUEST_BIN_DIR  (log: OUT_DIR/build.log)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
command -v readelf >/dev/null || die "build-perf: no readelf (apt-get install binutils)"
tree=$1
gbin=$3
mkdir -p "$2" "$gbin"
# absolute: perf's make takes O= so, and its goal below must match
out=$(cd "$2" && pwd)
log=$out/build.log
if ! make -C "$tree/tools/perf" O="$out" -j"$(nproc)" LDFLAGS=-static NO_RUST=1 \
	NO_LIBTRACEEVENT=1 NO_LIBDW=1 NO_LIBBPF=1 NO_BPF_SKEL=1 \
	NO_LIBPYTHON=1 NO_LIBPERL=1 NO_SLANG=1 NO_GTK2=1 NO_JVMTI=1 \
	NO_LIBUNWIND=1 NO_DEMANGLE=1 NO_LIBNUMA=1 NO_LIBCAP=1 \
	NO_LIBZSTD=1 NO_LZMA=1 NO_LIBBABELTRACE=1 NO_LIBCRYPTO=1 \
	NO_SDT=1 NO_LIBLLVM=1 NO_CAPSTONE=1 NO_LIBPFM4=1 NO_AUXTRACE=1 \
	NO_SHELLCHECK=1 NO_JEVENTS=1 "$out/perf" >"$log" 2>&1; then
	tail -n 20 "$log" >&2
	die "build-perf: perf failed to build, see $log"
fi
# no program interpreter: static (the guest has no C library)
readelf -l "$out/perf" | grep -q INTERP &&
	die "build-perf: $out/perf is not a static program"
cp "$out/perf" "$gbin/perf"
