// SPDX-License-Identifier: GPL-2.0
/*
 * sizes-decode: decode the kallsyms tables (names, addresses and the size
 * tables of the series) and check every symbol.
 *
 * Usage: sizes-decode KALLSYMS.o LISTING
 *        sizes-decode --vmlinux VMLINUX
 *
 * The first form reads a relocatable object assembled from the output of
 * scripts/kallsyms --all-symbols --pc-relative and compares it with the
 * "nm -n -S" listing it was made from.  Addresses come from the
 * relocations of kallsyms_offsets[] ("_text - . + N": the addend N is the
 * offset from _text; RELA, or REL with the addend in the entry).  Every
 * (address, size, type, name) decoded must be one of the listing, after
 * the listing is filtered by kallsyms' own rules, and the other way round.
 *
 * The second form reads a linked vmlinux of any architecture (ELF32 or
 * ELF64, either byte order) and checks that every decoded symbol has an
 * ELF symbol of the same name at the same address whose st_size is the
 * decoded size.  kallsyms of 7.x keeps names as they are in the ELF
 * symbol table (there is no cleanup_symbol_name() any more, clang LTO's
 * ".llvm.N" suffixes stay), so names are compared as they are.
 *
 * The decoder follows the layout documented in scripts/kallsyms.c and
 * kernel/kallsyms.c; it shares no code with them.  Each table is found by
 * its symbol in .symtab and read from the file bytes of the section that
 * holds it, converted from the file's byte order.  The last line is
 *   symbols=N sized=N nested=N mismatches=N sizes_bytes=N bytes_per_symbol=X
 * and the exit status is 1 on any mismatch, 2 on unusable input.
 */
#include <fcntl.h>
#include <gelf.h>
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nm-line.h"

#define KSYM_NAME_LEN		512	/* scripts/kallsyms.c */
/* a kallsyms_sizes[] entry: the size is in kallsyms_escaped_sizes[] */
#define KSYM_SIZE_ESCAPE	0xffff

/*
 * A symbol.  In the .o mode addr is the offset from _text, as a signed
 * value; in the vmlinux mode it is the address.
 */
struct ksym {
	uint64_t addr;
	uint64_t size;
	char type;
	char escaped;	/* its kallsyms_sizes[] entry is KSYM_SIZE_ESCAPE */
	char *name;
};

/* The input ELF file. */
struct image {
	const char *path;
	Elf *elf;
	const unsigned char *raw;	/* the whole file */
	size_t raw_size;
	int is64, msb, rel;		/* ELFCLASS64, ELFDATA2MSB, ET_REL */
	GElf_Half machine;
	Elf_Data *symd;
	size_t symn, symstr, shstrndx;
};

/* One kallsyms_* table: its bytes in the file, up to its section's end. */
struct table {
	const char *name;
	const unsigned char *p;
	size_t len;
	uint64_t addr;		/* ET_REL: the offset in its section */
	size_t shndx;
	uint64_t sh_off;	/* offset of the table in its section */
	const char *section;
};

enum offsets_form { PC_RELATIVE, ABSOLUTE };

static size_t mismatches;

static void fail(const char *what, const char *arg)
{
	fprintf(stderr, "sizes-decode: %s%s\n", what, arg ? arg : "");
	exit(2);
}

static void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size);

	if (!p)
		fail("out of memory", NULL);
	return p;
}

/* Count a mismatch; show the first ten. */
static void mismatch(const char *fmt, ...)
{
	va_list ap;

	if (mismatches++ >= 10)
		return;
	fputs("mismatch: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static void open_image(const char *path, struct image *img)
{
	GElf_Ehdr eh;
	Elf_Scn *scn = NULL;
	int fd;

	memset(img, 0, sizeof(*img));
	img->path = path;
	fd = open(path, O_RDONLY);
	if (fd < 0)
		fail("cannot open ", path);
	elf_version(EV_CURRENT);
	img->elf = elf_begin(fd, ELF_C_READ, NULL);
	if (!img->elf || elf_kind(img->elf) != ELF_K_ELF ||
	    !gelf_getehdr(img->elf, &eh) ||
	    elf_getshdrstrndx(img->elf, &img->shstrndx))
		fail("not an ELF file: ", path);
	img->raw = (const unsigned char *)elf_rawfile(img->elf, &img->raw_size);
	if (!img->raw)
		fail("cannot read ", path);
	if (eh.e_ident[EI_DATA] != ELFDATA2LSB &&
	    eh.e_ident[EI_DATA] != ELFDATA2MSB)
		fail("unknown byte order in ", path);
	img->is64 = eh.e_ident[EI_CLASS] == ELFCLASS64;
	img->msb = eh.e_ident[EI_DATA] == ELFDATA2MSB;
	img->rel = eh.e_type == ET_REL;
	img->machine = eh.e_machine;

	while ((scn = elf_nextscn(img->elf, scn))) {
		GElf_Shdr sh;

		if (gelf_getshdr(scn, &sh) && sh.sh_type == SHT_SYMTAB &&
		    sh.sh_entsize) {
			img->symd = elf_getdata(scn, NULL);
			img->symn = sh.sh_size / sh.sh_entsize;
			img->symstr = sh.sh_link;
		}
	}
	if (!img->symd)
		fail("no symbol table (.symtab) in ", path);
}

/* Find the table @name by its symbol and the section that holds it. */
static void find_table(const struct image *img, const char *name,
		       struct table *t)
{
	size_t i;

	for (i = 0; i < img->symn; i++) {
		Elf_Scn *scn;
		GElf_Shdr sh;
		GElf_Sym s;
		const char *sn;
		uint64_t off;

		if (!gelf_getsym(img->symd, i, &s) || s.st_shndx == SHN_UNDEF ||
		    s.st_shndx >= SHN_LORESERVE)
			continue;
		sn = elf_strptr(img->elf, img->symstr, s.st_name);
		if (!sn || strcmp(sn, name))
			continue;
		scn = elf_getscn(img->elf, s.st_shndx);
		if (!scn || !gelf_getshdr(scn, &sh) || sh.sh_type == SHT_NOBITS)
			fail("table in a section without file bytes: ", name);
		/* st_value is an address when linked, an offset in ET_REL */
		off = img->rel ? s.st_value : s.st_value - sh.sh_addr;
		if ((!img->rel && s.st_value < sh.sh_addr) || off > sh.sh_size ||
		    sh.sh_offset > img->raw_size ||
		    sh.sh_size > img->raw_size - sh.sh_offset)
			fail("table outside its section: ", name);
		t->name = name;
		t->p = img->raw + sh.sh_offset + off;
		t->len = sh.sh_size - off;
		t->addr = s.st_value;
		t->shndx = s.st_shndx;
		t->sh_off = off;
		t->section = elf_strptr(img->elf, img->shstrndx, sh.sh_name);
		return;
	}
	fail("no symbol ", name);
}

static void need(const struct table *t, uint64_t off, uint64_t bytes)
{
	if (off > t->len || bytes > t->len - off)
		fail("table runs past the end of its section: ", t->name);
}

static unsigned int get_u8(const struct table *t, uint64_t off)
{
	need(t, off, 1);
	return t->p[off];
}

static unsigned int get_u16(const struct image *img, const struct table *t,
			    uint64_t off)
{
	const unsigned char *b = t->p + off;

	need(t, off, 2);
	return img->msb ? b[0] << 8 | b[1] : b[1] << 8 | b[0];
}

static uint32_t get_u32(const struct image *img, const struct table *t,
			uint64_t off)
{
	const unsigned char *b = t->p + off;

	need(t, off, 4);
	if (img->msb)
		return (uint32_t)b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3];
	return (uint32_t)b[3] << 24 | b[2] << 16 | b[1] << 8 | b[0];
}

/* The tables this tool reads, found once. */
struct tables {
	struct table num_syms, names, markers, token_table, token_index;
	struct table offsets, sizes, num_escaped, escaped, num_nested, nested;
	struct table seqs;
};

/* The labels of the kallsyms tables, in the order of struct tables. */
static const char *const table_labels[] = {
	"kallsyms_num_syms", "kallsyms_names", "kallsyms_markers",
	"kallsyms_token_table", "kallsyms_token_index", "kallsyms_offsets",
	"kallsyms_sizes", "kallsyms_num_escaped_sizes", "kallsyms_escaped_sizes",
	"kallsyms_num_nested", "kallsyms_nested", "kallsyms_seqs_of_names",
};

static void find_tables(const struct image *img, struct tables *tb)
{
	struct table *t[] = {
		&tb->num_syms, &tb->names, &tb->markers, &tb->token_table,
		&tb->token_index, &tb->offsets, &tb->sizes, &tb->num_escaped,
		&tb->escaped, &tb->num_nested, &tb->nested, &tb->seqs,
	};
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		find_table(img, table_labels[i], t[i]);
}

/*
 * Expand the name at @off of kallsyms_names[] into @buf, as
 * kallsyms_expand_symbol() does, but keeping the first char (the type);
 * return the offset of the next name.
 */
static uint64_t expand_name(const struct image *img, const struct tables *tb,
			    uint64_t off, char *buf, size_t max)
{
	unsigned int len = get_u8(&tb->names, off++);
	size_t n = 0;

	/* ULEB128 length, at most two bytes */
	if (len & 0x80)
		len = (len & 0x7f) | get_u8(&tb->names, off++) << 7;
	while (len--) {
		unsigned int tok = get_u8(&tb->names, off++);
		uint64_t t = get_u16(img, &tb->token_index, 2 * tok);
		unsigned int c;

		while ((c = get_u8(&tb->token_table, t++))) {
			if (n + 1 >= max)
				fail("name too long in kallsyms_names", NULL);
			buf[n++] = c;
		}
	}
	buf[n] = 0;
	return off;
}

/* Decode every name and type; check kallsyms_markers[] on the way. */
static void decode_names(const struct image *img, const struct tables *tb,
			 struct ksym *s, size_t n)
{
	char buf[2 * KSYM_NAME_LEN];
	uint64_t off = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (!(i & 0xff) && get_u32(img, &tb->markers, 4 * (i >> 8)) != off)
			mismatch("kallsyms_markers[%zu] is %" PRIu32 ", name %zu is at %" PRIu64,
				 i >> 8, get_u32(img, &tb->markers, 4 * (i >> 8)),
				 i, off);
		off = expand_name(img, tb, off, buf, sizeof(buf));
		/* a name may be empty: nm lists nameless symbols (32-bit arm) */
		if (!buf[0])
			fail("a name without a type in kallsyms_names", NULL);
		s[i].type = buf[0];
		s[i].name = strdup(buf + 1);
		if (!s[i].name)
			fail("out of memory", NULL);
	}
}

/*
 * The addend of relocation @r if it applies to an entry of table @t: in
 * the relocation (RELA) or in the entry itself (REL).  Return the entry's
 * index, or @n if it applies elsewhere.
 */
static size_t entry_addend(const struct image *img, const struct table *t,
			   size_t n, uint64_t r_offset, const GElf_Sxword *rela,
			   int64_t *addend)
{
	uint64_t k;

	if (r_offset < t->sh_off || (r_offset - t->sh_off) % 4)
		return n;
	k = (r_offset - t->sh_off) / 4;
	if (k >= n)
		return n;
	*addend = rela ? *rela : (int32_t)get_u32(img, t, 4 * k);
	return k;
}

/*
 * .o mode: addresses are the addends of the relocations of the table,
 * "_text - . + N" giving N, the offset from _text.
 */
static void offsets_from_relocs(const struct image *img, const struct table *t,
				struct ksym *s, size_t n)
{
	unsigned char *seen = xcalloc(n, 1);
	Elf_Scn *scn = NULL;
	size_t i;

	while ((scn = elf_nextscn(img->elf, scn))) {
		Elf_Data *d;
		GElf_Shdr sh;

		if (!gelf_getshdr(scn, &sh) ||
		    (sh.sh_type != SHT_RELA && sh.sh_type != SHT_REL) ||
		    sh.sh_info != t->shndx || !sh.sh_entsize)
			continue;
		d = elf_getdata(scn, NULL);
		for (i = 0; d && i < sh.sh_size / sh.sh_entsize; i++) {
			GElf_Rela ra;
			GElf_Rel r;
			int64_t addend;
			size_t k;

			if (sh.sh_type == SHT_RELA) {
				if (!gelf_getrela(d, i, &ra))
					continue;
				k = entry_addend(img, t, n, ra.r_offset,
						 &ra.r_addend, &addend);
			} else {
				if (!gelf_getrel(d, i, &r))
					continue;
				k = entry_addend(img, t, n, r.r_offset, NULL,
						 &addend);
			}
			if (k < n) {
				s[k].addr = (uint64_t)addend;
				seen[k] = 1;
			}
		}
	}
	for (i = 0; i < n; i++)
		if (!seen[i])
			fail("kallsyms_offsets[] without relocations "
			     "(not from kallsyms --pc-relative?) in ", img->path);
	free(seen);
}

/*
 * vmlinux mode: the address of symbol @i under @form, as
 * kallsyms_sym_address() computes it: offset_to_ptr(&kallsyms_offsets[i]),
 * or the value itself.  A 32-bit kernel's addresses wrap at 32 bits.
 */
static uint64_t sym_address(const struct image *img, const struct table *t,
			    size_t i, enum offsets_form form)
{
	uint32_t v = get_u32(img, t, 4 * (uint64_t)i);
	uint64_t a;

	if (form == ABSOLUTE)
		return v;
	a = t->addr + 4 * (uint64_t)i + (int64_t)(int32_t)v;
	return img->is64 ? a : (uint32_t)a;
}

/*
 * Decode kallsyms_sizes[]: one u16 per symbol, the size itself, or
 * KSYM_SIZE_ESCAPE for a size found in kallsyms_escaped_sizes[] (pairs of u32:
 * index, size; sorted by index): sizes that do not fit, and the size 0 of
 * a nested symbol, which check_nested() checks.  Return the number of
 * entries of kallsyms_escaped_sizes[].
 */
static size_t decode_sizes(const struct image *img, const struct tables *tb,
			   struct ksym *s, size_t n)
{
	size_t nescaped = get_u32(img, &tb->num_escaped, 0), i, k = 0;

	need(&tb->escaped, 0, 8 * (uint64_t)nescaped);
	for (i = 0; i < n; i++) {
		uint32_t idx;

		s[i].size = get_u16(img, &tb->sizes, 2 * i);
		s[i].escaped = s[i].size == KSYM_SIZE_ESCAPE;
		if (!s[i].escaped)
			continue;
		/* the escaped entries are sorted by index: walk them along */
		while (k < nescaped && (idx = get_u32(img, &tb->escaped, 8 * k)) < i) {
			mismatch("kallsyms_escaped_sizes[%zu] is for symbol %" PRIu32
				 ", whose entry is not KSYM_SIZE_ESCAPE", k, idx);
			k++;
		}
		if (k == nescaped || get_u32(img, &tb->escaped, 8 * k) != i) {
			mismatch("escaped size of %s missing from kallsyms_escaped_sizes",
				 s[i].name);
			continue;
		}
		s[i].size = get_u32(img, &tb->escaped, 8 * k + 4);
		if (s[i].size && s[i].size < KSYM_SIZE_ESCAPE)
			mismatch("kallsyms_escaped_sizes[%zu]: size %#" PRIx64
				 " of %s would fit in kallsyms_sizes[]",
				 k, s[i].size, s[i].name);
		k++;
	}
	if (k != nescaped)
		mismatch("%zu entries of kallsyms_escaped_sizes left over", nescaped - k);
	return nescaped;
}

/* Whether @name labels a kallsyms table: they nest nothing, are in nothing. */
static int is_table_label(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(table_labels) / sizeof(table_labels[0]); i++)
		if (!strcmp(name, table_labels[i]))
			return 1;
	return 0;
}

/*
 * kallsyms_nested[] (pairs of u32: index, index of the symbol it starts in,
 * sorted by index) lists exactly the symbols that start strictly inside a
 * sized symbol, each with one that holds it.  Which symbols are nested is
 * found here independently: those at an address below the furthest end of
 * a sized symbol that starts below them.  The size 0 of exactly those is
 * escaped (decode_sizes()).  S is in address order.  Addresses are
 * compared as signed in the .o mode.
 */
static size_t check_nested(const struct image *img, const struct tables *tb,
			   const struct ksym *s, size_t n)
{
	size_t nnested = get_u32(img, &tb->num_nested, 0), k = 0, g, i, j;
	uint64_t bias = img->rel ? (uint64_t)1 << 63 : 0, reach = 0;

	need(&tb->nested, 0, 8 * (uint64_t)nnested);
	for (g = 0; g < n; g = j) {
		/* the group [g, j) of the symbols at one address */
		for (j = g + 1; j < n && s[j].addr == s[g].addr; j++)
			;
		for (i = g; i < j; i++) {
			int inside = !is_table_label(s[i].name) &&
				     s[i].addr + bias < reach;
			uint32_t in = n, out;

			if (!s[i].size && s[i].escaped != inside)
				mismatch(inside ? "%s, of size 0, is nested but not escaped" :
					 "%s, of size 0, is escaped but not nested",
					 s[i].name);
			if (k < nnested)
				in = get_u32(img, &tb->nested, 8 * k);
			if (in != i) {
				if (inside)
					mismatch("%s starts inside a sized symbol, not in kallsyms_nested",
						 s[i].name);
				continue;
			}
			out = get_u32(img, &tb->nested, 8 * k++ + 4);
			if (!inside || out >= n || is_table_label(s[out].name) ||
			    s[out].addr + bias >= s[i].addr + bias ||
			    s[i].addr + bias >= s[out].addr + bias + s[out].size)
				mismatch("bad kallsyms_nested[%zu]: %s in %s", k - 1,
					 s[i].name, out < n ? s[out].name : "?");
		}
		for (i = g; i < j; i++)
			if (s[i].size && !is_table_label(s[i].name) &&
			    s[i].addr + bias + s[i].size > reach)
				reach = s[i].addr + bias + s[i].size;
	}
	if (k != nnested)
		mismatch("kallsyms_nested: %zu entries out of order or out of range",
			 nnested - k);
	return nnested;
}

/*
 * kallsyms_seqs_of_names[] lists every symbol index once, 3 bytes big-endian
 * whatever the target, in the order of sort_symbols_by_name(): name, then
 * address, then index.  kallsyms_lookup_name() relies on it.
 */
static void check_seqs(const struct image *img, const struct tables *tb,
		       const struct ksym *s, size_t n)
{
	uint64_t bias = img->rel ? (uint64_t)1 << 63 : 0;
	unsigned char *seen = xcalloc(n, 1);
	size_t k, prev = 0;

	need(&tb->seqs, 0, 3 * (uint64_t)n);
	for (k = 0; k < n; k++) {
		const unsigned char *b = tb->seqs.p + 3 * k;
		size_t i = (size_t)b[0] << 16 | b[1] << 8 | b[2];
		int r;

		if (i >= n || seen[i]) {
			mismatch("kallsyms_seqs_of_names[%zu] is %zu: %s", k, i,
				 i >= n ? "out of range" : "listed twice");
			continue;
		}
		seen[i] = 1;
		if (k) {
			r = strcmp(s[prev].name, s[i].name);
			if (r > 0 || (!r && (s[prev].addr + bias > s[i].addr + bias ||
					     (s[prev].addr == s[i].addr && prev > i))))
				mismatch("kallsyms_seqs_of_names[%zu]: %s after %s",
					 k, s[i].name, s[prev].name);
		}
		prev = i;
	}
	free(seen);
}

/*
 * Decode the sizes and check the tables that depend on them and on the
 * addresses, which are already in S; *@bytes is what the size tables take.
 */
static void decode_rest(const struct image *img, const struct tables *tb,
			struct ksym *s, size_t n, size_t *bytes, size_t *nested)
{
	size_t nescaped = decode_sizes(img, tb, s, n);

	*nested = check_nested(img, tb, s, n);
	check_seqs(img, tb, s, n);
	*bytes = 2 * n + 4 + 8 * nescaped + 4 + 8 * *nested;
}

/* ELF symbols sorted by name then address, for the vmlinux mode. */
static struct ksym *esyms;
static size_t nesyms;

static int cmp_name_addr(const void *a, const void *b)
{
	const struct ksym *x = a, *y = b;
	int r = strcmp(x->name, y->name);

	if (r)
		return r;
	return x->addr < y->addr ? -1 : x->addr > y->addr;
}

/*
 * The symbol values as nm prints them, which is what scripts/kallsyms
 * read: bfd clears the Thumb bit of ARM function symbols.
 */
static void load_elf_symbols(const struct image *img)
{
	size_t i;

	esyms = xcalloc(img->symn, sizeof(*esyms));
	for (i = 0; i < img->symn; i++) {
		GElf_Sym s;
		char *name;

		if (!gelf_getsym(img->symd, i, &s))
			continue;
		name = elf_strptr(img->elf, img->symstr, s.st_name);
		/* nameless symbols as nm lists them: not sections, not files */
		if (!name || (!*name && (GELF_ST_TYPE(s.st_info) == STT_SECTION ||
					 GELF_ST_TYPE(s.st_info) == STT_FILE)))
			continue;
		if (img->machine == EM_ARM && GELF_ST_TYPE(s.st_info) == STT_FUNC)
			s.st_value &= ~(GElf_Addr)1;
		esyms[nesyms].name = name;
		esyms[nesyms].addr = img->is64 ? s.st_value : (uint32_t)s.st_value;
		esyms[nesyms++].size = s.st_size;
	}
	qsort(esyms, nesyms, sizeof(*esyms), cmp_name_addr);
}

/* The first ELF symbol of @name at @addr, or NULL. */
static const struct ksym *elf_lookup(const char *name, uint64_t addr)
{
	size_t lo = 0, hi = nesyms;
	struct ksym key = { .addr = addr, .name = (char *)name };

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (cmp_name_addr(&esyms[mid], &key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < nesyms && !cmp_name_addr(&esyms[lo], &key) ? &esyms[lo] : NULL;
}

/*
 * Which form kallsyms_offsets[] takes.  scripts/link-vmlinux.sh passes
 * --pc-relative when CONFIG_64BIT || CONFIG_RELOCATABLE, and
 * kallsyms_sym_address() reads the value itself only when !CONFIG_64BIT
 * && !CONFIG_RELOCATABLE.  ELFCLASS64 means CONFIG_64BIT, so PC-relative.
 * For ELFCLASS32 CONFIG_RELOCATABLE is not in the ELF header, so count the
 * decoded names found as ELF symbols at the address each form gives, and
 * take the form with more (PC-relative on a tie).  The two readings of
 * entry i differ by &kallsyms_offsets[i], which is not 0 in a linked
 * image, so a sound table matches under one form only.
 */
static enum offsets_form pick_form(const struct image *img,
				   const struct table *t, const struct ksym *s,
				   size_t n)
{
	size_t i, hits[2] = { 0, 0 };

	if (img->is64)
		return PC_RELATIVE;
	for (i = 0; i < n; i++) {
		hits[PC_RELATIVE] += !!elf_lookup(s[i].name,
					sym_address(img, t, i, PC_RELATIVE));
		hits[ABSOLUTE] += !!elf_lookup(s[i].name,
					sym_address(img, t, i, ABSOLUTE));
	}
	return hits[ABSOLUTE] > hits[PC_RELATIVE] ? ABSOLUTE : PC_RELATIVE;
}

/* vmlinux mode: every decoded (name, address, size) is an ELF symbol. */
static void compare_elf(const struct ksym *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const struct ksym *e = elf_lookup(s[i].name, s[i].addr);
		const struct ksym *f;

		if (!e) {
			mismatch("%s at %#" PRIx64 " (size %#" PRIx64
				 "): no ELF symbol of that name there",
				 s[i].name, s[i].addr, s[i].size);
			continue;
		}
		/* a name may have several ELF symbols at one address */
		for (f = e; f < esyms + nesyms && !cmp_name_addr(f, e); f++)
			if (f->size == s[i].size)
				break;
		if (f == esyms + nesyms || cmp_name_addr(f, e))
			mismatch("%s at %#" PRIx64 ": size %#" PRIx64
				 ", ELF st_size %#" PRIx64,
				 s[i].name, s[i].addr, s[i].size, e->size);
	}
}

/* .o mode: order by address (signed, from _text), size, type, name. */
static int cmp_sym(const void *a, const void *b)
{
	const struct ksym *x = a, *y = b;

	if (x->addr != y->addr)
		return (int64_t)x->addr < (int64_t)y->addr ? -1 : 1;
	if (x->size != y->size)
		return x->size < y->size ? -1 : 1;
	if (x->type != y->type)
		return x->type < y->type ? -1 : 1;
	return strcmp(x->name, y->name);
}

/*
 * The st_size of the symbol @name in @img.  scripts/kallsyms gives the
 * labels of its tables the sizes of the tables it emits, whatever size the
 * listing (the previous link pass) had: the assembler's .size is the truth.
 */
static uint64_t label_size(const struct image *img, const char *name)
{
	size_t i;

	for (i = 0; i < img->symn; i++) {
		GElf_Sym s;
		const char *sn;

		if (!gelf_getsym(img->symd, i, &s) || s.st_shndx == SHN_UNDEF)
			continue;
		sn = elf_strptr(img->elf, img->symstr, s.st_name);
		if (sn && !strcmp(sn, name))
			return s.st_size;
	}
	fail("no symbol ", name);
	return 0;
}

/*
 * The listing, filtered as scripts/kallsyms filters it (read_symbol()),
 * with the sizes of the table labels taken from @img.
 */
static struct ksym *listing(const struct image *img, const char *path,
			    size_t *count)
{
	char line[1024];
	size_t n = 0, cap = 1 << 16;
	struct ksym *p = xcalloc(cap, sizeof(*p));
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
		if (strlen(l.name) >= KSYM_NAME_LEN)
			continue;
		if (l.type == 'u' || l.type == 'n')
			continue;
		if ((l.type == 'a' || l.type == 'A') &&
		    strcmp(l.name, "__kernel_syscall_via_break") &&
		    strcmp(l.name, "__kernel_syscall_via_epc") &&
		    strcmp(l.name, "__kernel_sigtramp") && strcmp(l.name, "__gp"))
			continue;
		if (n == cap) {
			p = realloc(p, (cap *= 2) * sizeof(*p));
			if (!p)
				fail("out of memory", NULL);
		}
		p[n].addr = l.addr;
		p[n].size = is_table_label(l.name) ? label_size(img, l.name) : l.size;
		p[n].type = l.type;
		p[n].name = strdup(l.name);
		if (!p[n++].name)
			fail("out of memory", NULL);
	}
	fclose(f);
	if (!have_text)
		fail("no _text in ", path);
	for (i = 0; i < n; i++)
		/* kallsyms keeps 32-bit offsets from _text, as the addends */
		p[i].addr = (uint64_t)(int64_t)(int32_t)(p[i].addr - text);
	*count = n;
	return p;
}

/* .o mode: the decoded symbols and the listing are the same multiset. */
static void compare_listing(struct ksym *dec, size_t n, struct ksym *lst,
			    size_t m)
{
	size_t i;

	qsort(dec, n, sizeof(*dec), cmp_sym);
	qsort(lst, m, sizeof(*lst), cmp_sym);
	if (n != m) {
		fprintf(stderr, "sizes-decode: %zu symbols decoded, %zu listed\n",
			n, m);
		mismatches += n > m ? n - m : m - n;
	}
	for (i = 0; i < n && i < m; i++) {
		if (!cmp_sym(&dec[i], &lst[i]))
			continue;
		mismatch("_text%+" PRId64 " size %" PRIu64 " %c %s, listed _text%+"
			 PRId64 " size %" PRIu64 " %c %s",
			 (int64_t)dec[i].addr, dec[i].size, dec[i].type,
			 dec[i].name, (int64_t)lst[i].addr, lst[i].size,
			 lst[i].type, lst[i].name);
	}
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
static double entropy_bits(const struct ksym *lst, size_t m)
{
	uint64_t *key = xcalloc(m + 1, sizeof(*key));
	uint64_t next = 0;
	int have_next = 0;
	double h = 0;
	size_t i, run;

	for (i = m; i-- > 0;) {
		uint64_t dist = next - lst[i].addr;

		if (have_next && lst[i].size && lst[i].size <= dist)
			key[i] = (dist - lst[i].size) << 1;
		else
			key[i] = lst[i].size << 1 | 1;
		if (i && lst[i - 1].addr != lst[i].addr) {
			next = lst[i].addr;
			have_next = 1;
		}
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

static void summary(const struct ksym *s, size_t n, size_t nested,
		    size_t bytes)
{
	size_t i, sized = 0;

	for (i = 0; i < n; i++)
		sized += s[i].size != 0;
	printf("entropy_bits_per_symbol=%.2f u32_bytes=%zu\n",
	       entropy_bits(s, n), 4 * n);
	printf("symbols=%zu sized=%zu nested=%zu mismatches=%zu sizes_bytes=%zu bytes_per_symbol=%.3f\n",
	       n, sized, nested, mismatches, bytes, n ? (double)bytes / n : 0.0);
}

/* Read the tables common to both modes: the count and the names. */
static struct ksym *decode_common(const struct image *img, struct tables *tb,
				  size_t *count)
{
	struct ksym *s;
	size_t n;

	find_tables(img, tb);
	n = get_u32(img, &tb->num_syms, 0);
	need(&tb->offsets, 0, 4 * (uint64_t)n);
	need(&tb->sizes, 0, 2 * (uint64_t)n);
	s = xcalloc(n + 1, sizeof(*s));
	decode_names(img, tb, s, n);
	*count = n;
	return s;
}

static int object_mode(const char *obj, const char *lst_path)
{
	size_t n, m, bytes, nested;
	struct image img;
	struct tables tb;
	struct ksym *dec, *lst;

	open_image(obj, &img);
	if (!img.rel)
		fail("not a relocatable object (use --vmlinux for a linked image): ",
		     obj);
	dec = decode_common(&img, &tb, &n);
	offsets_from_relocs(&img, &tb.offsets, dec, n);
	decode_rest(&img, &tb, dec, n, &bytes, &nested);
	lst = listing(&img, lst_path, &m);
	compare_listing(dec, n, lst, m);
	summary(lst, m, nested, bytes);
	return mismatches ? 1 : 0;
}

static int vmlinux_mode(const char *path)
{
	size_t n, i, bytes, nested;
	enum offsets_form form;
	struct image img;
	struct tables tb;
	struct ksym *s;

	open_image(path, &img);
	if (img.rel)
		fail("a relocatable object, not a linked image: ", path);
	s = decode_common(&img, &tb, &n);
	load_elf_symbols(&img);
	form = pick_form(&img, &tb.offsets, s, n);
	for (i = 0; i < n; i++)
		s[i].addr = sym_address(&img, &tb.offsets, i, form);
	for (i = 1; i < n; i++)
		if (s[i].addr < s[i - 1].addr)
			mismatch("kallsyms_offsets[] not sorted at %zu (%s)", i,
				 s[i].name);
	decode_rest(&img, &tb, s, n, &bytes, &nested);
	compare_elf(s, n);
	printf("vmlinux: ELF%d %s-endian, kallsyms_offsets %s, tables in %s, %zu ELF symbols\n",
	       img.is64 ? 64 : 32, img.msb ? "big" : "little",
	       form == ABSOLUTE ? "absolute" : "pc-relative",
	       tb.offsets.section ? tb.offsets.section : "?", nesyms);
	summary(s, n, nested, bytes);
	return mismatches ? 1 : 0;
}

static void usage(void)
{
	fprintf(stderr, "usage: sizes-decode KALLSYMS.o LISTING\n"
			"       sizes-decode --vmlinux VMLINUX\n");
	exit(2);
}

int main(int argc, char **argv)
{
	if (argc != 3)
		usage();
	if (!strcmp(argv[1], "--vmlinux"))
		return vmlinux_mode(argv[2]);
	if (argv[1][0] == '-')
		usage();
	return object_mode(argv[1], argv[2]);
}
