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
"$holes" -a "$align" -l "$vmlinux" | awk -v align="$align" '
# the low 32 bits only: awk numbers are doubles
function hex(s,   i, c, v) {
	v = 0
	s = tolower(s); sub(/^0x/, "", s)
	if (length(s) > 8)
		s = substr(s, length(s) - 7)
	for (i = 1; i <= length(s); i++) {
		c = index("0123456789abcdef", substr(s, i, 1)) - 1
		v = v * 16 + c
	}
	return v
}
$1 == "hole" && $6 == "unique=1" && $4 !~ /^(asm_|entry_|__pfx_)/ {
	split($4, a, "[+/]")
	addr = hex($2); len = $3 + 0; off = hex(a[2])
	target = int((addr + align - 1) / align) * align
	if (target - addr + 4 > len)
		next
	pri = a[1] ~ /^__(x64|ia32)_sys_/ ? 0 : 1
	if (pri in best)
		next
	best[pri] = sprintf("HOLE_SPEC=%s+%#x\nVALID_SPEC=%s+0\nHOLE_ELF_SIZE=%s\nHOLE_ADDR=%s%08x\n",
		a[1], off + target - addr, a[1], substr($5, 10),
		substr($2, 1, length($2) - 8), target % 4294967296)
}
END {
	if (0 in best)
		printf "%s", best[0]
	else if (1 in best)
		printf "%s", best[1]
	else {
		print "pick-hole: no usable hole" > "/dev/stderr"
		exit 1
	}
}'
