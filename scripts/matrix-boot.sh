#!/bin/sh
# Boot the two kernels of one make matrix target with the guest suite and
# print the verdicts read off their consoles, one "KSZM FIELD VALUE" line
# each: boot, KUnit suite kallsyms_sizes and kallsyms_selftest (patched),
# the kselftest's totals and the ftracetest case's verdict (both).  The
# guest programs are built for the target (static, with its cross
# compiler), its busybox is Debian's (scripts/fetch-busybox.sh), and the
# test modules (ksz-mod, the kselftest's) are built against each kernel.
# Usage: matrix-boot.sh TARGET_DIR BOOT_ARCH   (ARCH, CROSS_COMPILE, LLVM,
# KIMAGE in the environment, as for scripts/build-kernel.sh)
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
. "$here/lib.sh"
: "${BUILD:?}" "${SRC:?}"
t=$1
boot=$2
g=$t/guest

# the guest's programs: the kselftest and kprobe-try, for the target
case $boot in
x86_64) debarch=amd64 ;; i386) debarch=i386 ;; arm64) debarch=arm64 ;;
riscv64) debarch=riscv64 ;; ppc64) debarch=ppc64 ;; ppc64le) debarch=ppc64el ;;
*) die "matrix-boot: no Debian architecture for $boot" ;;
esac
if [ "$boot" = x86_64 ]; then
	cc=cc
	bb=
else
	cc=${CROSS_COMPILE}gcc
	bb=$("$here/fetch-busybox.sh" "$BUILD" "$debarch") || exit 1
fi
mkdir -p "$g"
$cc -O2 -Wall -static -o "$g/kprobe-try" "$top/guest/kprobe-try.c" ||
	die "matrix-boot: kprobe-try does not build with $cc"

case $KIMAGE in
vmlinux) img=vmlinux ;;
*) case $ARCH in x86_64 | i386) sub=x86 ;; *) sub=$ARCH ;; esac
   img=arch/$sub/boot/$KIMAGE ;;
esac

for k in base patched; do
	src=$SRC
	[ $k = base ] || src=$BUILD/tree
	mod=$("$here/build-module.sh" "$src" "$t/$k" ksz-mod) ||
		die "matrix-boot: ksz-mod does not build against $t/$k"
	# the series' kselftest (with its module) and ftracetest case
	"$here/build-kselftest.sh" "$BUILD/tree" "$t/$k" "$t/kselftest-$k" ||
		die "matrix-boot: the kselftest does not build for $t/$k"
	GUEST_BUSYBOX=$bb KSZ_KSELFTEST=$t/kselftest-$k \
		"$here/make-initramfs.sh" "$t/$k.cpio" "$t/$k" "$g" \
		"$BUILD/bin/holes" "$mod" ||
		die "matrix-boot: no initramfs for $t/$k"
	"$here/boot.sh" "$t/$k/$img" "$t/$k.cpio" "$t/$k.console" 3600
	echo "KSZM boot_$k $(cat "$t/$k.console.status")"
	log=$(tr -d '\r' <"$t/$k.console")
	# the kselftest's totals line, "pass:N fail:N ... skip:N", from its
	# own output under run_kselftest.sh's "# " (KUnit prints one too), or
	# the runner's verdict where the test skipped as a whole
	echo "KSZM kselftest_$k $(echo "$log" | guest_section KSFT |
		sed -n -e 's/^# # Totals: \(pass:[0-9]* fail:[0-9]*\).*\(skip:[0-9]*\).*/\1 \2/p' \
			-e 's/^\(not ok\|ok\) [0-9]* selftests: kallsyms: kallsyms_sizes # SKIP.*/skipped/p' |
		tail -n 1)"
	# the series' ftracetest case: ok, not ok, or "# SKIP" (unsupported)
	echo "KSZM ftracetest_$k $(echo "$log" | guest_section FTC |
		sed -n 's/^\(not ok\|ok\) [0-9]* [^#]*\(# [A-Z]*\)\{0,1\}$/\1 \2/p' |
		sed 's/ *$//' | head -n 1)"
	# ftrace's records (where the kernel has the function tracer): how
	# many are listed, how many disabled, and whether vfs_read is traced
	echo "KSZM ftrace_$k $(echo "$log" |
		sed -n 's/^KSZ ftrace records \([0-9]*\) invalid \([0-9]*\)$/\1 records, \2 disabled/p')$(echo "$log" |
		sed -n 's/^KSZ ftrace vfs_read hits \([0-9]*\)$/, vfs_read traced: \1 hits/p')"
	[ $k = patched ] || continue
	echo "KSZM kunit_$k $(echo "$log" |
		sed -n 's/^\(not ok\|ok\) [0-9]* kallsyms_sizes$/\1/p')"
	echo "KSZM selftest_$k $(echo "$log" |
		sed -n 's/^\(\[[ 0-9.]*\] \)\{0,1\}kallsyms_selftest: \(finish\|abort\)$/\2/p')"
done
