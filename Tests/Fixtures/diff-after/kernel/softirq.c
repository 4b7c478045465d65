#include <linux/interrupt.h>

static unsigned long pending;

void __raise_softirq_irqoff(unsigned int nr)
{
	pending |= 1UL << nr;
}
