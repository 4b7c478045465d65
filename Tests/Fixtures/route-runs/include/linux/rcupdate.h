#ifndef RUNS_RCUPDATE_H
#define RUNS_RCUPDATE_H
#include <linux/bottom_half.h>
static inline void rcu_read_lock(void) {}
static inline void rcu_read_unlock(void) {}
static inline void rcu_read_lock_bh(void) { local_bh_disable(); }
static inline void rcu_read_unlock_bh(void) { local_bh_enable(); }
#endif
