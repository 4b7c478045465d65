#undef TRACE_SYSTEM
#define TRACE_SYSTEM irq

#ifndef SIM_TRACE_IRQ_H
#define SIM_TRACE_IRQ_H

static inline void trace_softirq_raise(unsigned int vec) { (void)vec; }
static inline void trace_softirq_entry(unsigned int vec) { (void)vec; }
static inline void trace_softirq_exit(unsigned int vec) { (void)vec; }

#endif
