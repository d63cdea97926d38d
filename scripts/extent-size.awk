# END - START, in hex, of each "START END" line of hex addresses: modulo
# 4 GiB, which an extent within kernel text or a module never exceeds.
# Needs scripts/lo32.awk.
{
	d = lo32($2) - lo32($1)
	if (d < 0)
		d += 4294967296
	printf "0x%x\n", d
}
