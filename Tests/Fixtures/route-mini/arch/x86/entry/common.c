/* route-mini: system call entry on x86-64 (arch/x86/entry/common.c): do_syscall_64 calls the always-inline
 * do_syscall_x64, which calls through the table by index, `sys_call_table[unr](regs)`, under `likely(…)`. */
#include <asm/syscall.h>

static __always_inline int do_syscall_x64(struct pt_regs *regs, int nr)
{
	unsigned int unr = nr;

	if (likely(unr < NR_syscalls)) {
		regs->ax = sys_call_table[unr](regs); /*route:table-call*/
		return 1;
	}
	return 0;
}

void do_syscall_64(struct pt_regs *regs, int nr)
{
	if (!do_syscall_x64(regs, nr))
		regs->ax = -38;
}
