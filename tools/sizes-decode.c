// SPDX-License-Identifier: GPL-2.0
/*
 * sizes-decode: decode the kallsyms size tables of an assembled
 * scripts/kallsyms output (x86_64, --pc-relative) and compare them with
 * the "nm -n -S" listing it was made from.
 *
 * Usage: sizes-decode KALLSYMS.o LISTING
 *
 * The decoder follows the layout documented in scripts/kallsyms.c; it
 * shares no code with it.  Addresses come from the relocations of
 * kallsyms_offsets[] ("_text - . + N": the addend is the offset from
 * _text).  Every (address, size) pair decoded must be a pair of the
 * listing, after the listing is filtered by kallsyms' own rules, and the
 * other way round.  The last line is
 *   symbols=N sized=N mismatches=N sizes_bytes=N bytes_per_symbol=X.XX
 * and the exit status is 1 on any mismatch.
 */
#include <fcntl.h>
#include <gelf.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nm-line.h"

struct pair {
	int64_t addr;	/* from _text */
	uint64_t size;
};

static void fail(const char *what, const char *arg)
{
	fprintf(stderr, "sizes-decode: %s%s\n", what, arg ? arg : "");
	exit(2);
}

static int cmp_pair(const void *a, const void *b)
{
	const struct pair *x = a, *y = b;

	if (x->addr != y->addr)
		return x->addr < y->addr ? -1 : 1;
	if (x->size != y->size)
		return x->size < y->size ? -1 : 1;
	return 0;
}

/* The .rodata bytes and the value of each kallsyms_* symbol in it. */
static unsigned char *rodata;
static size_t rodata_size, rodata_ndx;
static int64_t *addend_at;	/* addend of the relocation at each offset */

static size_t sym_off(Elf *elf, Elf_Data *symd, size_t n, size_t strndx,
		      const char *name)
{
	size_t i;

	for (i = 0; i < n; i++) {
		GElf_Sym s;

		gelf_getsym(symd, i, &s);
		if (s.st_shndx == rodata_ndx &&
		    !strcmp(elf_strptr(elf, strndx, s.st_name), name))
			return s.st_value;
	}
	fail("no symbol ", name);
	return 0;
}

static uint32_t u32_at(size_t off)
{
	uint32_t v;

	if (off + 4 > rodata_size)
		fail("table out of .rodata", NULL);
	memcpy(&v, rodata + off, 4);
	return v;
}

static struct pair *decode(const char *path, size_t *count, size_t *bytes,
			   size_t *nested)
{
	size_t n, i, k, off_offsets, off_sizes, off_large, nlarge, symn = 0;
	size_t off_nested, nnested;
	size_t symstr = 0, shstrndx;
	Elf_Data *symd = NULL;
	Elf_Scn *scn = NULL;
	struct pair *p;
	GElf_Shdr sh;
	Elf *elf;
	int fd;

	fd = open(path, O_RDONLY);
	if (fd < 0)
		fail("cannot open ", path);
	elf_version(EV_CURRENT);
	elf = elf_begin(fd, ELF_C_READ, NULL);
	if (!elf || elf_kind(elf) != ELF_K_ELF || elf_getshdrstrndx(elf, &shstrndx))
		fail("not an ELF object: ", path);

	while ((scn = elf_nextscn(elf, scn))) {
		const char *name;

		gelf_getshdr(scn, &sh);
		name = elf_strptr(elf, shstrndx, sh.sh_name);
		if (sh.sh_type == SHT_PROGBITS && !strcmp(name, ".rodata")) {
			Elf_Data *d = elf_getdata(scn, NULL);

			rodata = d->d_buf;
			rodata_size = d->d_size;
			rodata_ndx = elf_ndxscn(scn);
		} else if (sh.sh_type == SHT_SYMTAB) {
			symd = elf_getdata(scn, NULL);
			symn = sh.sh_size / sh.sh_entsize;
			symstr = sh.sh_link;
		}
	}
	if (!rodata || !symd)
		fail("no .rodata or symbol table in ", path);

	addend_at = calloc(rodata_size / 4 + 1, sizeof(*addend_at));
	scn = NULL;
	while ((scn = elf_nextscn(elf, scn))) {
		Elf_Data *d;

		gelf_getshdr(scn, &sh);
		if (sh.sh_type != SHT_RELA || sh.sh_info != rodata_ndx)
			continue;
		d = elf_getdata(scn, NULL);
		for (i = 0; i < sh.sh_size / sh.sh_entsize; i++) {
			GElf_Rela r;

			gelf_getrela(d, i, &r);
			if (r.r_offset % 4 == 0 && r.r_offset < rodata_size)
				addend_at[r.r_offset / 4] = r.r_addend;
		}
	}

	n = u32_at(sym_off(elf, symd, symn, symstr, "kallsyms_num_syms"));
	off_offsets = sym_off(elf, symd, symn, symstr, "kallsyms_offsets");
	off_sizes = sym_off(elf, symd, symn, symstr, "kallsyms_sizes");
	nlarge = u32_at(sym_off(elf, symd, symn, symstr,
				"kallsyms_num_large_sizes"));
	off_large = sym_off(elf, symd, symn, symstr, "kallsyms_large_sizes");
	nnested = u32_at(sym_off(elf, symd, symn, symstr, "kallsyms_num_nested"));
	off_nested = sym_off(elf, symd, symn, symstr, "kallsyms_nested");
	if (off_sizes + n > rodata_size)
		fail("kallsyms_sizes out of .rodata", NULL);

	p = calloc(n + 1, sizeof(*p));
	for (i = 0; i < n; i++)
		p[i].addr = addend_at[(off_offsets + 4 * i) / 4];
	for (i = 0; i < n; i++) {
		unsigned int code = rodata[off_sizes + i];

		if (code < 0x40) {
			if (i + 1 == n)
				fail("padding code on the last symbol", NULL);
			p[i].size = p[i + 1].addr - p[i].addr - code;
		} else if (code < 0xff) {
			p[i].size = code - 0x40;
		} else {
			for (k = 0; k < nlarge; k++)
				if (u32_at(off_large + 8 * k) == i)
					break;
			if (k == nlarge)
				fail("escaped size missing from kallsyms_large_sizes", NULL);
			p[i].size = u32_at(off_large + 8 * k + 4);
		}
	}
	/* every nested symbol starts strictly inside its outer symbol */
	for (k = 0; k < nnested; k++) {
		size_t in = u32_at(off_nested + 8 * k);
		size_t out = u32_at(off_nested + 8 * k + 4);

		if (in >= n || out >= in || p[out].addr >= p[in].addr ||
		    p[in].addr >= p[out].addr + (int64_t)p[out].size ||
		    rodata[off_sizes + in] != 0xff)
			fail("bad kallsyms_nested entry", NULL);
	}
	*count = n;
	*nested = nnested;
	*bytes = n + 4 + 8 * nlarge + 4 + 8 * nnested;
	return p;
}

/* The listing, filtered as scripts/kallsyms filters it (is_ignored_symbol). */
static struct pair *listing(const char *path, size_t *count)
{
	char line[1024];
	size_t n = 0, cap = 1 << 16;
	struct pair *p = malloc(cap * sizeof(*p));
	uint64_t text = 0;
	int have_text = 0;
	FILE *f = fopen(path, "r");
	struct nm_line l;
	size_t i;

	if (!f)
		fail("cannot open ", path);
	while (fgets(line, sizeof(line), f)) {
		if (nm_parse_line(line, &l))
			fail("malformed listing line: ", line);
		if (!strcmp(l.name, "_text")) {
			text = l.addr;
			have_text = 1;
		}
		if (l.type == 'u' || l.type == 'n')
			continue;
		if ((l.type == 'a' || l.type == 'A') &&
		    strcmp(l.name, "__kernel_syscall_via_break") &&
		    strcmp(l.name, "__kernel_syscall_via_epc") &&
		    strcmp(l.name, "__kernel_sigtramp") && strcmp(l.name, "__gp"))
			continue;
		if (n == cap)
			p = realloc(p, (cap *= 2) * sizeof(*p));
		p[n].addr = (int64_t)l.addr;
		p[n++].size = l.size;
	}
	fclose(f);
	if (!have_text)
		fail("no _text in ", path);
	for (i = 0; i < n; i++)
		/* kallsyms keeps 32-bit offsets from _text, as the addends */
		p[i].addr = (int32_t)((uint64_t)p[i].addr - text);
	*count = n;
	return p;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/*
 * The information limit of what the table encodes: the empirical order-0
 * entropy, in bits per symbol, of each symbol's size given the addresses,
 * taken as the padding to the next symbol where the size fits before it
 * and as the size itself otherwise.  LST is sorted by address.
 */
static double entropy_bits(const struct pair *lst, size_t m)
{
	uint64_t *key = malloc((m + 1) * sizeof(*key));
	int64_t next = INT64_MAX;
	double h = 0;
	size_t i, run;

	if (!key)
		fail("out of memory", NULL);
	for (i = m; i-- > 0;) {
		uint64_t dist = (uint64_t)(next - lst[i].addr);

		if (next != INT64_MAX && lst[i].size && lst[i].size <= dist)
			key[i] = (dist - lst[i].size) << 1;
		else
			key[i] = lst[i].size << 1 | 1;
		if (i && lst[i - 1].addr != lst[i].addr)
			next = lst[i].addr;
	}
	qsort(key, m, sizeof(*key), cmp_u64);
	for (i = 0; i < m; i += run) {
		double p;

		for (run = 1; i + run < m && key[i + run] == key[i]; run++)
			;
		p = (double)run / m;
		h -= p * log2(p);
	}
	free(key);
	return h;
}

int main(int argc, char **argv)
{
	size_t n, m, i, bytes, nested, sized = 0, mismatches = 0;
	struct pair *dec, *lst;

	if (argc != 3) {
		fprintf(stderr, "usage: sizes-decode KALLSYMS.o LISTING\n");
		return 2;
	}
	dec = decode(argv[1], &n, &bytes, &nested);
	lst = listing(argv[2], &m);
	qsort(dec, n, sizeof(*dec), cmp_pair);
	qsort(lst, m, sizeof(*lst), cmp_pair);

	for (i = 0; i < m; i++)
		sized += lst[i].size != 0;
	if (n != m) {
		fprintf(stderr, "sizes-decode: %zu symbols decoded, %zu listed\n",
			n, m);
		mismatches += n > m ? n - m : m - n;
	}
	for (i = 0; i < n && i < m; i++) {
		if (!cmp_pair(&dec[i], &lst[i]))
			continue;
		if (mismatches++ < 10)
			fprintf(stderr, "mismatch: _text%+" PRId64 " size %" PRIu64
				", listed _text%+" PRId64 " size %" PRIu64 "\n",
				dec[i].addr, dec[i].size, lst[i].addr,
				lst[i].size);
	}
	printf("entropy_bits_per_symbol=%.2f u32_bytes=%zu\n",
	       entropy_bits(lst, m), 4 * m);
	printf("symbols=%zu sized=%zu nested=%zu mismatches=%zu sizes_bytes=%zu bytes_per_symbol=%.3f\n",
	       n, sized, nested, mismatches, bytes, n ? (double)bytes / n : 0.0);
	return mismatches ? 1 : 0;
}
