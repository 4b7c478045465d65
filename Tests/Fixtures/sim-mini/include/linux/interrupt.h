#ifndef SIM_INTERRUPT_H
#define SIM_INTERRUPT_H

enum {
	HI_SOFTIRQ,
	NET_TX_SOFTIRQ,
	NET_RX_SOFTIRQ,
	NR_SOFTIRQS
};

struct softirq_action {
	void (*action)(struct softirq_action *h);
};

void open_softirq(int nr, void (*action)(struct softirq_action *));
void __raise_softirq_irqoff(unsigned int nr);
void local_bh_disable(void);
void local_bh_enable(void);

static inline void rcu_read_lock_bh(void) { local_bh_disable(); }
static inline void rcu_read_unlock_bh(void) { local_bh_enable(); }

#endif
