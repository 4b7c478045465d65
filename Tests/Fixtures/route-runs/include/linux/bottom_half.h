#ifndef RUNS_BOTTOM_HALF_H
#define RUNS_BOTTOM_HALF_H
extern int preempt_count;
static inline void __local_bh_disable_ip(unsigned long ip, unsigned int cnt) {
  (void)ip;
  preempt_count += cnt;
}
void __local_bh_enable_ip(unsigned long ip, unsigned int cnt);
static inline void local_bh_disable(void) { __local_bh_disable_ip(0, 1); }
static inline void local_bh_enable(void) { __local_bh_enable_ip(0, 1); }
#endif
