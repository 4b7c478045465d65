/* Softirqs run on the IRQ stack through inline asm that calls its function operand (x86's call_on_irqstack). */
void __do_softirq(void) {}

#define call_on_stack(func) asm volatile("call %c[__func]" : : [__func] "i"(func) : "memory")
#define do_softirq_own_stack() call_on_stack(__do_softirq)

void do_softirq(int pending) {
  if (pending)
    do_softirq_own_stack();
}
