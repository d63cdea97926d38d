#!/bin/sh
# Boot a kernel with an initramfs in QEMU (x86_64, TCG) and keep the serial
# console in LOG.  The run is good when the guest printed KSZ-END; a panic,
# a timeout or a missing KSZ-END is a failure, reported with the log path.
# LOG.status gets "ok" or the reason, for the tests that read LOG.
# Usage: boot.sh BZIMAGE INITRD LOG [TIMEOUT_SECONDS]
# BOOT_APPEND adds to the kernel command line, BOOT_QEMU to QEMU's options.
set -u
kernel=$1
initrd=$2
log=$3
limit=${4:-600}

rm -f "$log" "$log.status"
# shellcheck disable=SC2086 # BOOT_QEMU holds several options
timeout "$limit" qemu-system-x86_64 -accel tcg ${BOOT_QEMU:-} -m 512 -smp 1 \
	-nographic -no-reboot -monitor none -serial stdio \
	-kernel "$kernel" -initrd "$initrd" \
	-append "console=ttyS0 nokaslr panic=-1 oops=panic ${BOOT_APPEND:-}" \
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
