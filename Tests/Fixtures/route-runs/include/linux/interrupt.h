#ifndef RUNS_INTERRUPT_H
#define RUNS_INTERRUPT_H
enum { HI_SOFTIRQ, NET_TX_SOFTIRQ, NET_RX_SOFTIRQ, NR_SOFTIRQS };
struct softirq_action {
  void (*action)(struct softirq_action *h);
};
void open_softirq(int nr, void (*action)(struct softirq_action *));
void __raise_softirq_irqoff(unsigned int nr);
#endif
