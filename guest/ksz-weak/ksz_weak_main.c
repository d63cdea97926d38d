// SPDX-License-Identifier: GPL-2.0
/*
 * Test module of the kallsyms-sizes harness (not part of the series).
 *
 * Overrides ksz_weak_hook(), and prints how the kernel symbolizes the
 * leftover of the default, whose place in the module's text the harness
 * reads from the object files and passes as parameters: its start
 * (leftover) and its mcount/fentry call site (mcount), as offsets.
 *
 * ksz_weak_kp() lies in .kprobes.text, which kprobes blacklists when the
 * module loads and must take off the blacklist when it is unloaded.
 */
#include <linux/kprobes.h>
#include <linux/module.h>
#include <linux/printk.h>

#include "ksz_weak.h"

static unsigned long leftover, mcount;
module_param(leftover, ulong, 0444);
module_param(mcount, ulong, 0444);

int ksz_weak_hook(int x)
{
	return ksz_weak_before(x) * 2;
}

static noinline int __kprobes ksz_weak_kp(int x)
{
	return x + 2;
}

static int __init ksz_weak_init(void)
{
	unsigned long text = (unsigned long)THIS_MODULE->mem[MOD_TEXT].base;

	if (!leftover || !mcount)
		return -EINVAL;
	pr_info("ksz_weak: hook %d %d\n", ksz_weak_hook(1), ksz_weak_kp(1));
	pr_info("ksz_weak: leftover %lx %pS\n", text + leftover,
		(void *)(text + leftover));
	pr_info("ksz_weak: mcount %lx %pS\n", text + mcount,
		(void *)(text + mcount));
	return 0;
}
module_init(ksz_weak_init);

static void __exit ksz_weak_exit(void)
{
}
module_exit(ksz_weak_exit);

MODULE_DESCRIPTION("kallsyms-sizes harness: an overridden weak function's leftover");
MODULE_LICENSE("GPL");
