#!/bin/sh
# Print the kprobe specs the boot test uses, for the very vmlinux booted:
#   HOLE_SPEC=prev+off   an address in a real hole, past prev's ELF size
#   VALID_SPEC=prev+0    the start of the same function
# The hole is one found by tools/holes whose preceding symbol is unique
# (kprobes refuse ambiguous names) and that is long enough to hold a
# function-aligned address, which is an instruction boundary.  Holes after
# syscall wrappers (the sys_ni.c COND_SYSCALL leftovers) come first; entry
# code is skipped, since kprobes blacklist it whatever its size.
# Usage: pick-hole.sh HOLES_BIN VMLINUX [ALIGN]
set -eu
holes=$1
vmlinux=$2
align=${3:-16}
here=$(dirname "$0")
"$holes" -a "$align" -l "$vmlinux" |
	awk -v align="$align" -f "$here/lo32.awk" -f "$here/pick-hole.awk"
