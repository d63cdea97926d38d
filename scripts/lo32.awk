# lo32(HEX): the low 32 bits of a hex number ("0x" optional) as an awk
# number.  awk numbers are doubles, which cannot hold a 64-bit kernel
# address exactly; kernel text and data lie within one 4 GiB window, so
# the low 32 bits order and subtract them correctly.
function lo32(s,   i, v) {
	s = tolower(s)
	sub(/^0x/, "", s)
	if (length(s) > 8)
		s = substr(s, length(s) - 7)
	v = 0
	for (i = 1; i <= length(s); i++)
		v = v * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1
	return v
}
