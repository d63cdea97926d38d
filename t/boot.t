#!/bin/sh
# Both kernels booted in QEMU and ran the guest tests to the end.
. "$(dirname "$0")/tap.sh"
plan 2
for k in base patched; do
	log=$BUILD/boot/$k.log
	status=$(cat "$log.status" 2>/dev/null || echo "not booted")
	is "$status" ok "$k kernel boots and reports (console: $log)"
done
