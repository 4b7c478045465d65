#include <linux/interrupt.h>

static struct softirq_action softirq_vec[NR_SOFTIRQS];
static unsigned long pending;

void open_softirq(int nr, void (*action)(struct softirq_action *))
{
	softirq_vec[nr].action = action; /*open_softirq:store*/
}

void __raise_softirq_irqoff(unsigned int nr)
{
	pending |= 1UL << nr;
}
