/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Parse one line of "nm -n -S" output: "addr size type name", or
 * "addr type name" for symbols without a size.  The type is one
 * character; a longer second field is the size.  Fields are counted
 * rather than guessed from hex digits, since types such as 'a', 'b' and
 * 'd' are hex digits too.
 */
#ifndef NM_LINE_H
#define NM_LINE_H

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#define NM_NAME_MAX 600

struct nm_line {
	uint64_t addr, size;
	char type;
	char name[NM_NAME_MAX];
};

/* Return 0 and fill @l, or -1 if @line is not an nm line. */
static inline int nm_parse_line(const char *line, struct nm_line *l)
{
	char f2[NM_NAME_MAX], f3[NM_NAME_MAX], extra;
	int n;

	n = sscanf(line, "%" SCNx64 " %599s %599s %599s", &l->addr, f2, f3,
		   l->name);
	if (n == 4 && !f3[1] &&
	    sscanf(f2, "%" SCNx64 "%c", &l->size, &extra) == 1) {
		l->type = f3[0];
		return 0;
	}
	if (n == 3 && !f2[1]) {
		l->size = 0;
		l->type = f2[0];
		strcpy(l->name, f3);
		return 0;
	}
	return -1;
}

#endif /* NM_LINE_H */
