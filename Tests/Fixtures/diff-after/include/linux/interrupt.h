#ifndef MINI_INTERRUPT_H
#define MINI_INTERRUPT_H

enum {
	HI_SOFTIRQ,
	NET_TX_SOFTIRQ,
	NET_RX_SOFTIRQ,
	NR_SOFTIRQS
};

void __raise_softirq_irqoff(unsigned int nr);

#endif
