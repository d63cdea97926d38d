// SPDX-License-Identifier: GPL-2.0
/*
 * Test module of the kallsyms-sizes harness (not part of the series).
 *
 * A kernel thread parks in ksz_park(), a noreturn function, called as the
 * last instruction of ksz_noreturn_caller(): the return address on the
 * thread's stack is the end of ksz_noreturn_caller(), which a size-aware
 * kallsyms must still symbolize in /proc/PID/stack.  The module's symbols
 * are also checked against its st_size by the kselftest.
 *
 * Nesting two levels deep: ksz_mod_f (256 bytes) holds ksz_mod_g (64 bytes
 * at 16), which holds ksz_mod_h (8 bytes at 32).  At load, the module
 * prints %pS of addresses in each of them; past the end of ksz_mod_h,
 * ksz_mod_g goes on, and past the end of ksz_mod_g, ksz_mod_f.
 *
 * ksz_pad_fn is followed by alignment padding up to ksz_pad_next.  At load,
 * the module prints %pS of the last byte of that padding, and of the
 * address one past ksz_pad_fn's end, which an oops on x86 reports when a
 * function falls through into the int3 padding after it: the harness
 * reads ksz_pad_fn's size from the .ko and passes that address's offset
 * as pad_rip.  Both keep ksz_pad_fn's name, with an offset past its size.
 *
 * In .kprobes.text, which kprobes blacklists symbol by symbol when the
 * module loads: ksz_kp_outer holds the label ksz_kp_label, and alignment
 * padding follows it up to ksz_kp_next.  The walk over the area must step
 * over that padding and blacklist ksz_kp_next too.
 */
#include <linux/kprobes.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/sched.h>

static struct task_struct *ksz_task;

asm(".pushsection .rodata, \"a\"\n"
	".balign 64\n"
	".type ksz_mod_f STT_OBJECT\n"
	"ksz_mod_f:\n"
	".fill 16, 1, 0\n"
	".type ksz_mod_g STT_OBJECT\n"
	"ksz_mod_g:\n"
	".fill 16, 1, 0\n"
	".type ksz_mod_h STT_OBJECT\n"
	"ksz_mod_h:\n"
	".fill 8, 1, 0\n"
	".size ksz_mod_h, 8\n"
	".fill 40, 1, 0\n"
	".size ksz_mod_g, 64\n"
	".fill 176, 1, 0\n"
	".size ksz_mod_f, 256\n"
	".popsection\n");
extern const char ksz_mod_f[];

static noinline void __kprobes ksz_kp_outer(void)
{
	asm volatile("nop\nksz_kp_label:\nnop");
}

static noinline void __kprobes __aligned(64) ksz_kp_next(void)
{
	asm volatile("nop");
}

static unsigned long pad_rip;
module_param(pad_rip, ulong, 0444);

static noinline void ksz_pad_fn(void)
{
	asm volatile("");
}

static noinline void __aligned(64) ksz_pad_next(void)
{
	asm volatile("");
}

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
	pr_info("ksz_noreturn: nested %pS %pS %pS\n", ksz_mod_f + 0x24,
		ksz_mod_f + 0x28, ksz_mod_f + 0x60);
	pr_info("ksz_noreturn: padding %pS %pS\n", (char *)ksz_pad_next - 1,
		(char *)ksz_pad_fn + pad_rip);
	ksz_pad_fn();
	ksz_pad_next();
	ksz_kp_outer();
	ksz_kp_next();
	ksz_task = kthread_run(ksz_noreturn_caller, NULL, "ksz_noreturn");
	return PTR_ERR_OR_ZERO(ksz_task);
}
module_init(ksz_init);

MODULE_DESCRIPTION("kallsyms-sizes harness: a stack that ends in a noreturn call");
MODULE_LICENSE("GPL");
