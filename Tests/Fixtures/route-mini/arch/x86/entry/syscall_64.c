/* route-mini: the system call table, a global array of function pointers filled from a generated header
 * (arch/x86/entry/syscall_64.c). By default in 6.1's shape (one positional entry per call); with
 * -DROUTE_MINI_DESIGNATED in 5.10's (a `[0 ... max]` range pointing at __x64_sys_ni_syscall, then `[nr] = entry`). */
#include <asm/syscall.h>

#define __SYSCALL(nr, sym) extern long __x64_##sym(const struct pt_regs *);
#include <asm/syscalls_64.h>
#undef __SYSCALL

#ifdef ROUTE_MINI_DESIGNATED
extern long __x64_sys_ni_syscall(const struct pt_regs *regs);

#define __SYSCALL(nr, sym) [nr] = __x64_##sym,
const sys_call_ptr_t sys_call_table[NR_syscalls] = {
	[0 ... NR_syscalls - 1] = &__x64_sys_ni_syscall, /*route:table-range*/
#include <asm/syscalls_64.h>
};
#else
#define __SYSCALL(nr, sym) __x64_##sym,
const sys_call_ptr_t sys_call_table[] = {
#include <asm/syscalls_64.h>
};
#endif
