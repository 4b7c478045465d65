#undef TRACE_SYSTEM
#define TRACE_SYSTEM sched

#ifndef SIM_TRACE_SCHED_H
#define SIM_TRACE_SCHED_H

struct task_struct;

static inline void trace_sched_waking(struct task_struct *p) { (void)p; }
static inline void trace_sched_wakeup(struct task_struct *p) { (void)p; }

#endif
