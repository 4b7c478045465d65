/* route-mini: the generated list of system calls (arch/x86/include/generated/asm/syscalls_64.h), read twice by
 * arch/x86/entry/syscall_64.c with two meanings of __SYSCALL. */
__SYSCALL(0, sys_read)
__SYSCALL(1, sys_write)
__SYSCALL(2, sys_sendto) /*route:table-sendto*/
