#!/bin/sh
# Boot a kernel with an initramfs in QEMU (TCG) and keep the serial
# console in LOG.  The run is good when the guest printed KSZ-END; a panic,
# a timeout or a missing KSZ-END is a failure, reported with the log path.
# LOG.status gets "ok" or the reason, for the tests that read LOG.
# Usage: boot.sh BZIMAGE INITRD LOG [TIMEOUT_SECONDS]
# BOOT_APPEND adds to the kernel command line, BOOT_QEMU to QEMU's options.
# BOOT_ARCH picks the machine: x86_64 (default), i386, arm64, riscv64, ppc64.
set -u
kernel=$1
initrd=$2
log=$3
limit=${4:-600}

case ${BOOT_ARCH:-x86_64} in
x86_64)	qemu="qemu-system-x86_64 -m 512" console=ttyS0 ;;
i386)	qemu="qemu-system-i386 -m 512" console=ttyS0 ;;
arm64)	qemu="qemu-system-aarch64 -M virt -cpu cortex-a57 -m 512" console=ttyAMA0 ;;
riscv64) qemu="qemu-system-riscv64 -M virt -m 512" console=ttyS0 ;;
ppc64 | ppc64le)
	qemu="qemu-system-ppc64 -M pseries -m 1024" console=hvc0 ;;
*)	echo "boot: no QEMU machine for BOOT_ARCH=$BOOT_ARCH" >&2; exit 2 ;;
esac

rm -f "$log" "$log.status"
# shellcheck disable=SC2086 # qemu and BOOT_QEMU hold several options
timeout "$limit" $qemu -accel tcg ${BOOT_QEMU:-} -smp 1 \
	-nographic -no-reboot -monitor none -serial stdio \
	-kernel "$kernel" -initrd "$initrd" \
	-append "console=$console nokaslr panic=-1 oops=panic ${BOOT_APPEND:-}" \
	< /dev/null > "$log" 2>&1
rc=$?

if grep -q "Kernel panic" "$log"; then
	status="panic"
elif [ $rc = 124 ]; then
	status="timeout after ${limit}s"
elif ! grep -q "^KSZ-END" "$log"; then
	status="no KSZ-END (qemu exit $rc)"
else
	status=ok
fi
echo "$status" > "$log.status"
if [ "$status" != ok ]; then
	echo "boot: $status; console log: $log" >&2
	exit 1
fi
