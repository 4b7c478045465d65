#include <linux/interrupt.h>
#include <trace/events/irq.h>

static struct softirq_action softirq_vec[NR_SOFTIRQS];
static unsigned long pending;

void open_softirq(int nr, void (*action)(struct softirq_action *))
{
	softirq_vec[nr].action = action;
}

void __raise_softirq_irqoff(unsigned int nr)
{
	trace_softirq_raise(nr); /*softirq_raise:site*/
	pending |= 1UL << nr;
}

void __do_softirq(void)
{
	struct softirq_action *h = &softirq_vec[NET_RX_SOFTIRQ];

	trace_softirq_entry(NET_RX_SOFTIRQ); /*softirq_entry:site*/
	h->action(h);
	trace_softirq_exit(NET_RX_SOFTIRQ); /*softirq_exit:site*/
}
