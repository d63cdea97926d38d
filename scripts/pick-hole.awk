# Pick the hole for the kprobe boot test from "holes -l" output; see
# pick-hole.sh.  Needs lo32.awk and -v align=N.
$1 == "hole" && $6 == "unique=1" && $4 !~ /^(asm_|entry_|__pfx_)/ {
	split($4, a, "[+/]")
	addr = lo32($2); len = $3 + 0; off = lo32(a[2])
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
}
