// SPDX-License-Identifier: GPL-2.0
/*
 * Test module of the kallsyms-sizes harness (not part of the series).
 *
 * A kernel thread parks in ksz_park(), a noreturn function, called as the
 * last instruction of ksz_noreturn_caller(): the return address on the
 * thread's stack is the end of ksz_noreturn_caller(), which a size-aware
 * kallsyms must still symbolize in /proc/PID/stack.  The module's symbols
 * are also checked against its st_size by the kselftest.
 */
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/sched.h>

static struct task_struct *ksz_task;

static noinline void __noreturn ksz_park(void)
{
	for (;;) {
		set_current_state(TASK_UNINTERRUPTIBLE);
		schedule();
	}
}

static noinline int ksz_noreturn_caller(void *arg)
{
	pr_info("ksz_noreturn: parking\n");
	ksz_park();
}

static int __init ksz_init(void)
{
	ksz_task = kthread_run(ksz_noreturn_caller, NULL, "ksz_noreturn");
	return PTR_ERR_OR_ZERO(ksz_task);
}
module_init(ksz_init);

MODULE_DESCRIPTION("kallsyms-sizes harness: a stack that ends in a noreturn call");
MODULE_LICENSE("GPL");
