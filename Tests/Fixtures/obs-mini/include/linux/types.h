#ifndef MINI_TYPES_H
#define MINI_TYPES_H
#define NULL ((void *)0)
#define READ_ONCE(x) (*(volatile __typeof__(x) *)&(x))
#define unlikely(x) __builtin_expect(!!(x), 0)
#define HZ 250
#define USEC_PER_SEC 1000000L
struct seq_file;
int seq_printf(struct seq_file *m, const char *fmt, ...);
void seq_puts(struct seq_file *m, const char *s);
static inline void atomic_inc(int *v) { (*v)++; }
#define __this_cpu_inc(var) ((var) += 1)
#endif
