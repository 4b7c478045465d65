/* route-mini: a system call defined by token pasting, in the shape of the kernel's SYSCALL_DEFINEx on x86-64:
 * SYSCALL_DEFINE3(sendto, …) defines __x64_sys_sendto (what the table points at), which calls __se_sys_sendto, which
 * calls __do_sys_sendto, whose body is the one written after the macro. No name of the three is written anywhere. */
#ifndef _LINUX_SYSCALLS_H
#define _LINUX_SYSCALLS_H
#include <linux/compiler.h>

#define SYSCALL_DEFINE3(name, t1, a1, t2, a2, t3, a3)				\
	static inline long __do_sys_##name(t1 a1, t2 a2, t3 a3);		\
	static long __se_sys_##name(long a1, long a2, long a3)			\
	{									\
		return __do_sys_##name((t1)a1, (t2)a2, (t3)a3);			\
	}									\
	long __x64_sys_##name(const struct pt_regs *regs)			\
	{									\
		return __se_sys_##name(regs->di, regs->si, regs->dx);		\
	}									\
	static inline long __do_sys_##name(t1 a1, t2 a2, t3 a3)

#endif
