// SPDX-License-Identifier: GPL-2.0
/*
 * Lookup benchmark of the kallsyms-sizes harness (not part of the series),
 * loaded in the unpatched and the patched kernel alike.
 *
 * Times kallsyms_lookup_size_offset(), kallsyms_lookup(), sprint_symbol()
 * and kallsyms_lookup_name() over three fixed address sets: every symbol
 * start, the middle between every symbol and the next one, and
 * pseudo-random addresses in the kernel text (fixed seed).  Calls are timed
 * in batches; the median, the mean and the 99th percentile of ns per call
 * over all batches of all rounds are printed as "KSZB" lines, then the
 * first three are timed one call at a time at every symbol start.  The sets
 * are taken in a fixed pseudo-random order, so that every batch is the
 * same mix of symbols: in address order, a batch of kallsyms_lookup()
 * calls costs what its place among the 256 names of a kallsyms_markers[]
 * block costs, batches fall into four classes of cost, and the median
 * is the edge between two of them, not the typical call.
 *
 * kallsyms_lookup_name() and friends are not exported: the address of
 * kallsyms_lookup_name() is taken from a kprobe, and the others from it.
 */
#include <linux/kallsyms.h>
#include <linux/kprobes.h>
#include <linux/ktime.h>
#include <linux/module.h>
#include <linux/sort.h>
#include <linux/vmalloc.h>

#define BATCH	64
#define ROUNDS	5
#define NRANDOM	8192

static unsigned long (*lookup_name)(const char *name);
static int (*lookup_size_offset)(unsigned long addr, unsigned long *size,
				 unsigned long *offset);
static const char *(*lookup)(unsigned long addr, unsigned long *size,
			     unsigned long *offset, char **modname,
			     char *namebuf);
static int (*on_each_symbol)(int (*fn)(void *, const char *, unsigned long),
			     void *data);

static unsigned long *starts, *middles, *randoms;
static char (*names)[KSYM_NAME_LEN];
static unsigned int nsyms, nmiddles, cap;
static u32 *samples;
static char names_tmp[KSYM_NAME_LEN];

static int collect(void *data, const char *name, unsigned long addr)
{
	if (nsyms < cap) {
		starts[nsyms] = addr;
		strscpy(names[nsyms], name, KSYM_NAME_LEN);
		nsyms++;
	}
	return 0;
}

static int count(void *data, const char *name, unsigned long addr)
{
	cap++;
	return 0;
}

static int cmp_ulong(const void *a, const void *b)
{
	unsigned long x = *(const unsigned long *)a, y = *(const unsigned long *)b;

	return x < y ? -1 : x > y;
}

static int cmp_u32(const void *a, const void *b)
{
	return *(const u32 *)a < *(const u32 *)b ? -1 :
	       *(const u32 *)a > *(const u32 *)b;
}

enum which { SIZE_OFFSET, LOOKUP, SPRINT, LOOKUP_NAME };
static const char * const fname[] = {
	"kallsyms_lookup_size_offset", "kallsyms_lookup", "sprint_symbol",
	"kallsyms_lookup_name",
};

static noinline void call(enum which w, unsigned int i, const unsigned long *a)
{
	static char buf[KSYM_SYMBOL_LEN];
	unsigned long size, offset;
	char *mod;

	switch (w) {
	case SIZE_OFFSET:
		lookup_size_offset(a[i], &size, &offset);
		break;
	case LOOKUP:
		lookup(a[i], &size, &offset, &mod, buf);
		break;
	case SPRINT:
		sprint_symbol(buf, a[i]);
		break;
	case LOOKUP_NAME:
		lookup_name(names[i]);
		break;
	}
}

static void bench(enum which w, const char *set, const unsigned long *a,
		  unsigned int n)
{
	unsigned int r, i, j, ns = 0;
	u64 t, sum = 0;

	for (r = 0; r < ROUNDS; r++) {
		for (i = 0; i + BATCH <= n; i += BATCH) {
			t = ktime_get_ns();
			for (j = i; j < i + BATCH; j++)
				call(w, j, a);
			samples[ns] = div_u64(ktime_get_ns() - t, BATCH);
			sum += samples[ns++];
		}
		cond_resched();
	}
	if (!ns)
		return;
	sort(samples, ns, sizeof(*samples), cmp_u32, NULL);
	pr_info("KSZB lookup %s %s calls=%u median_ns=%u p99_ns=%u mean_ns=%llu\n",
		fname[w], set, ns * BATCH, samples[ns / 2],
		samples[(u64)ns * 99 / 100], div_u64(sum, ns));
}

/*
 * One call at a time, over every symbol start: the cheapest of three
 * timings of each call, less the timing of no call, averaged.  Under
 * -icount, the mean instructions of one call per symbol, which no
 * interrupt inflates (the cheapest of three leaves it out).
 */
static u64 single_call(enum which w, unsigned int i, const unsigned long *a,
		       bool none)
{
	u64 t, best = U64_MAX;
	int r;

	for (r = 0; r < 3; r++) {
		t = ktime_get_ns();
		if (!none)
			call(w, i, a);
		best = min(best, ktime_get_ns() - t);
	}
	return best;
}

static void single(enum which w, const unsigned long *a, unsigned int n)
{
	u64 none = single_call(w, 0, a, true), sum = 0, t;
	unsigned int i;

	for (i = 0; i < n; i++) {
		t = single_call(w, i, a, false);
		sum += t > none ? t - none : 0;
		if (!(i % 1024))
			cond_resched();
	}
	pr_info("KSZB single %s starts calls=%u mean_ns_x100=%llu\n",
		fname[w], n, div_u64(sum * 100, n));
}

static unsigned long resolve(void)
{
	struct kprobe kp = { .symbol_name = "kallsyms_lookup_name" };
	unsigned long addr;

	if (register_kprobe(&kp))
		return 0;
	addr = (unsigned long)kp.addr;
	unregister_kprobe(&kp);
	return addr;
}

/* Put @a (and @nm, if not NULL) in a fixed pseudo-random order. */
static void shuffle(unsigned long *a, char (*nm)[KSYM_NAME_LEN],
		    unsigned int n, u32 *seed)
{
	unsigned int i, j;

	for (i = n; i > 1; i--) {
		*seed = *seed * 1664525 + 1013904223;	/* fixed LCG */
		j = *seed % i;
		swap(a[i - 1], a[j]);
		if (nm && i - 1 != j) {
			memcpy(names_tmp, nm[i - 1], KSYM_NAME_LEN);
			memcpy(nm[i - 1], nm[j], KSYM_NAME_LEN);
			memcpy(nm[j], names_tmp, KSYM_NAME_LEN);
		}
	}
}

static int __init ksz_bench_init(void)
{
	unsigned long stext, etext;
	unsigned int i, w;
	u32 seed = 12345;

	lookup_name = (void *)resolve();
	if (!lookup_name)
		return -ENOENT;
	lookup_size_offset = (void *)lookup_name("kallsyms_lookup_size_offset");
	lookup = (void *)lookup_name("kallsyms_lookup");
	on_each_symbol = (void *)lookup_name("kallsyms_on_each_symbol");
	stext = lookup_name("_stext");
	etext = lookup_name("_etext");
	if (!lookup_size_offset || !lookup || !on_each_symbol || !stext ||
	    etext <= stext)
		return -ENOENT;

	on_each_symbol(count, NULL);
	starts = vmalloc_array(cap, sizeof(*starts));
	middles = vmalloc_array(cap, sizeof(*middles));
	randoms = vmalloc_array(NRANDOM, sizeof(*randoms));
	names = vmalloc_array(cap, sizeof(*names));
	samples = vmalloc_array(ROUNDS * (cap / BATCH + NRANDOM / BATCH + 1),
				sizeof(*samples));
	if (!starts || !middles || !randoms || !names || !samples)
		goto out;
	on_each_symbol(collect, NULL);

	/* the middle between a symbol and the next distinct address */
	memcpy(middles, starts, nsyms * sizeof(*starts));
	sort(middles, nsyms, sizeof(*middles), cmp_ulong, NULL);
	for (i = 0; i + 1 < nsyms; i++)
		if (middles[i + 1] > middles[i] + 1)
			middles[nmiddles++] = middles[i] +
					      (middles[i + 1] - middles[i]) / 2;
	for (i = 0; i < NRANDOM; i++) {
		seed = seed * 1664525 + 1013904223;	/* fixed LCG */
		randoms[i] = stext + (unsigned long)seed % (etext - stext);
	}
	shuffle(starts, names, nsyms, &seed);
	shuffle(middles, NULL, nmiddles, &seed);
	pr_info("KSZB symbols=%u middles=%u random=%u\n", nsyms, nmiddles,
		NRANDOM);

	for (w = SIZE_OFFSET; w <= SPRINT; w++) {
		bench(w, "starts", starts, nsyms);
		bench(w, "middles", middles, nmiddles);
		bench(w, "random", randoms, NRANDOM);
	}
	bench(LOOKUP_NAME, "names", starts, nsyms);
	for (w = SIZE_OFFSET; w <= SPRINT; w++)
		single(w, starts, nsyms);
	pr_info("KSZB done\n");
out:
	vfree(starts);
	vfree(middles);
	vfree(randoms);
	vfree(names);
	vfree(samples);
	return 0;
}
module_init(ksz_bench_init);

MODULE_DESCRIPTION("kallsyms-sizes harness: kallsyms lookup benchmark");
MODULE_LICENSE("GPL");
