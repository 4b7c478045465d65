/* route-mini: the x86-64 system call table as its users see it (arch/x86/include/asm/syscall.h). */
#ifndef _ASM_SYSCALL_H
#define _ASM_SYSCALL_H
#include <linux/compiler.h>

#define NR_syscalls 3

typedef long (*sys_call_ptr_t)(const struct pt_regs *);
extern const sys_call_ptr_t sys_call_table[];

#endif
