// SPDX-License-Identifier: GPL-2.0
/*
 * holes: list the gaps in kernel text that no symbol covers.
 *
 * Usage: holes [-a ALIGN] [-l] FILE
 *
 * FILE is a vmlinux or .ko (read with libelf) or an "nm -n -S" listing.
 * A symbol covers [st_value, st_value + st_size); a symbol without a size
 * covers up to the next symbol, which is the rule kallsyms follows.  What
 * is left between the symbols of a text section is a gap: "padding" when
 * shorter than ALIGN (the function alignment, default 16), else a "hole",
 * such as the code of an overridden __weak function whose symbol the
 * linker dropped.
 *
 * Prints one summary line; with -l also one line per hole:
 *   hole ADDR LEN PREV+OFF/TODAY elf_size=SIZE unique=0|1
 * where PREV+OFF/TODAY is what kallsyms without sizes reports for ADDR
 * (the distance from PREV to the next symbol as its size).
 */
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <inttypes.h>
#include <libelf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nm-line.h"

struct sym {
	uint64_t addr, size;
	unsigned int region;	/* symbols of different regions never meet */
	const char *name;
};

static struct sym *syms;
static size_t nsyms, cap;

static void die(const char *fmt, const char *arg)
{
	fprintf(stderr, "holes: ");
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	exit(1);
}

static void add(uint64_t addr, uint64_t size, unsigned int region,
		const char *name)
{
	if (nsyms == cap) {
		cap = cap ? 2 * cap : 4096;
		syms = realloc(syms, cap * sizeof(*syms));
		if (!syms)
			die("%s", "out of memory");
	}
	syms[nsyms++] = (struct sym){ addr, size, region, strdup(name) };
}

/* Names that scripts/mksysmap drops from kallsyms. */
static int ignored(const char *n)
{
	static const char *const prefixes[] = {
		"$", ".L", "__efistub_", "__crc_", "__kstrtab",
		"__mod_device_table__", "__UNIQUE_ID_modinfo_", NULL
	};
	int i;

	if (!*n || !strcmp(n, "L0"))
		return 1;
	for (i = 0; prefixes[i]; i++)
		if (!strncmp(n, prefixes[i], strlen(prefixes[i])))
			return 1;
	return 0;
}

static void read_elf(int fd, const char *path)
{
	Elf *elf;
	Elf_Scn *scn = NULL;
	GElf_Shdr sh;
	size_t shstrndx;

	elf_version(EV_CURRENT);
	elf = elf_begin(fd, ELF_C_READ, NULL);
	if (!elf || elf_kind(elf) != ELF_K_ELF)
		die("%s: not an ELF file", path);
	if (elf_getshdrstrndx(elf, &shstrndx))
		die("%s: no section names", path);

	while ((scn = elf_nextscn(elf, scn))) {
		Elf_Data *data;
		size_t i, n;

		if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_SYMTAB)
			continue;
		data = elf_getdata(scn, NULL);
		n = sh.sh_size / sh.sh_entsize;
		for (i = 1; i < n; i++) {
			GElf_Sym s;
			GElf_Shdr tsh;
			Elf_Scn *tscn;
			const char *name;
			int type;

			if (!gelf_getsym(data, i, &s) ||
			    s.st_shndx == SHN_UNDEF || s.st_shndx >= SHN_LORESERVE)
				continue;
			type = GELF_ST_TYPE(s.st_info);
			if (type != STT_FUNC && type != STT_NOTYPE &&
			    type != STT_OBJECT)
				continue;
			tscn = elf_getscn(elf, s.st_shndx);
			if (!tscn || !gelf_getshdr(tscn, &tsh) ||
			    !(tsh.sh_flags & SHF_EXECINSTR) ||
			    !(tsh.sh_flags & SHF_ALLOC))
				continue;
			name = elf_strptr(elf, sh.sh_link, s.st_name);
			if (!name || ignored(name))
				continue;
			/* in a .ko every section starts at 0: keep them apart */
			add(s.st_value, s.st_size, s.st_shndx, name);
		}
	}
	if (!nsyms)
		die("%s: no text symbols (stripped?)", path);
}

/* "nm -n -S" listing: text is between _stext/_etext and the inittext marks */
static void read_nm(FILE *f, const char *path)
{
	char line[1024];
	unsigned long lineno = 0;
	uint64_t stext = 0, etext = 0, sinit = 0, einit = 0;
	struct nm_line l;
	size_t i, keep = 0;

	while (fgets(line, sizeof(line), f)) {
		lineno++;
		if (nm_parse_line(line, &l)) {
			fprintf(stderr, "holes: %s:%lu: malformed line\n",
				path, lineno);
			exit(1);
		}
		if (!strcmp(l.name, "_stext"))
			stext = l.addr;
		else if (!strcmp(l.name, "_etext"))
			etext = l.addr;
		else if (!strcmp(l.name, "_sinittext"))
			sinit = l.addr;
		else if (!strcmp(l.name, "_einittext"))
			einit = l.addr;
		if ((l.type != 't' && l.type != 'T' && l.type != 'W') ||
		    ignored(l.name))
			continue;
		add(l.addr, l.size, 0, l.name);
	}
	if (!stext || !etext)
		die("%s: no _stext/_etext: not a kernel nm -n -S listing", path);
	for (i = 0; i < nsyms; i++) {
		struct sym *s = &syms[i];

		if (s->addr >= stext && s->addr < etext)
			s->region = 1;
		else if (s->addr >= sinit && s->addr < einit)
			s->region = 2;
		else
			continue;
		syms[keep++] = *s;
	}
	nsyms = keep;
}

static int cmp_sym(const void *a, const void *b)
{
	const struct sym *x = a, *y = b;

	if (x->region != y->region)
		return x->region < y->region ? -1 : 1;
	if (x->addr != y->addr)
		return x->addr < y->addr ? -1 : 1;
	return 0;
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Is @name the name of exactly one symbol?  (kprobes refuse ambiguous ones) */
static int unique(char **sorted, const char *name)
{
	char **p = bsearch(&name, sorted, nsyms, sizeof(*sorted), cmp_name);

	if (!p)
		return 0;
	return !((p > sorted && !strcmp(p[-1], name)) ||
		 (p + 1 < sorted + nsyms && !strcmp(p[1], name)));
}

int main(int argc, char **argv)
{
	uint64_t reach = 0, align = 16, pad = 0, pad_bytes = 0, holes = 0, hole_bytes = 0;
	char **names, magic[4] = "";
	int opt, list = 0, fd;
	size_t i, j;
	FILE *f;

	while ((opt = getopt(argc, argv, "a:l")) != -1) {
		if (opt == 'a')
			align = strtoull(optarg, NULL, 0);
		else if (opt == 'l')
			list = 1;
		else
			goto usage;
	}
	if (optind != argc - 1 || !align) {
usage:
		fprintf(stderr, "usage: holes [-a ALIGN] [-l] vmlinux|x.ko|nm-listing\n");
		return 2;
	}

	fd = open(argv[optind], O_RDONLY);
	if (fd < 0 || read(fd, magic, 4) < 0) {
		perror(argv[optind]);
		return 1;
	}
	if (!memcmp(magic, "\177ELF", 4)) {
		read_elf(fd, argv[optind]);
	} else {
		lseek(fd, 0, SEEK_SET);
		f = fdopen(fd, "r");
		read_nm(f, argv[optind]);
	}
	qsort(syms, nsyms, sizeof(*syms), cmp_sym);

	names = malloc(nsyms * sizeof(*names));
	for (i = 0; i < nsyms; i++)
		names[i] = (char *)syms[i].name;
	qsort(names, nsyms, sizeof(*names), cmp_name);

	/*
	 * Sweep in address order.  @reach is how far the symbols of the
	 * region seen so far extend: an alias group as far as its largest
	 * member, a group without a size up to the next symbol.
	 */
	for (i = 0; i < nsyms; i = j) {
		uint64_t start = syms[i].addr, end = start, next, len;

		if (!i || syms[i].region != syms[i - 1].region)
			reach = 0;
		for (j = i; j < nsyms && syms[j].region == syms[i].region &&
			    syms[j].addr == start; j++)
			if (start + syms[j].size > end)
				end = start + syms[j].size;
		if (j == nsyms || syms[j].region != syms[i].region)
			continue;	/* the region's last symbol */
		next = syms[j].addr;
		if (end == start)
			end = next;
		if (end > reach)
			reach = end;
		if (reach >= next)
			continue;
		len = next - reach;
		if (len < align) {
			pad++;
			pad_bytes += len;
			continue;
		}
		holes++;
		hole_bytes += len;
		if (list)
			printf("hole %#" PRIx64 " %" PRIu64 " %s+%#" PRIx64
			       "/%#" PRIx64 " elf_size=%#" PRIx64 " unique=%d\n",
			       reach, len, syms[i].name, reach - start,
			       next - start, end - start,
			       unique(names, syms[i].name));
	}
	printf("symbols=%zu padding=%" PRIu64 " padding_bytes=%" PRIu64
	       " holes=%" PRIu64 " hole_bytes=%" PRIu64 "\n",
	       nsyms, pad, pad_bytes, holes, hole_bytes);
	return 0;
}
