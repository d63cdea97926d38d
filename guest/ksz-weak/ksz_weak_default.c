// SPDX-License-Identifier: GPL-2.0
/*
 * Test module of the kallsyms-sizes harness (not part of the series).
 *
 * The default of ksz_weak_hook(), which ksz_weak_main.c overrides.  The
 * linker keeps this code, and its mcount record, in the module's text but
 * drops its symbol: an overridden weak function's leftover, as the
 * COND_SYSCALL stubs and the arch_* defaults leave them in vmlinux.
 */
#include <linux/printk.h>

#include "ksz_weak.h"

noinline int ksz_weak_before(int x)
{
	pr_info("ksz_weak: before %d\n", x);
	return x + 1;
}

int __weak noinline ksz_weak_hook(int x)
{
	pr_info("ksz_weak: the default hook, never called (%d)\n", x);
	return 3 * x + 1;
}
