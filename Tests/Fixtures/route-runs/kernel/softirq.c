#include <linux/interrupt.h>
#include <linux/bottom_half.h>

int preempt_count;
static struct softirq_action softirq_vec[NR_SOFTIRQS];
static unsigned long pending;

void open_softirq(int nr, void (*action)(struct softirq_action *)) { softirq_vec[nr].action = action; }

void __raise_softirq_irqoff(unsigned int nr) { pending |= 1UL << nr; }

void __do_softirq(void) {
  struct softirq_action *h = softirq_vec;
  for (; pending; h++, pending >>= 1)
    if (pending & 1)
      h->action(h);
}

void do_softirq(void) {
  if (pending)
    __do_softirq();
}

void __local_bh_enable_ip(unsigned long ip, unsigned int cnt) {
  (void)ip;
  preempt_count -= cnt;
  if (!preempt_count && pending)
    do_softirq();
}
