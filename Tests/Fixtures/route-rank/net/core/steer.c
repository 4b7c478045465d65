/* Two ways to queue a packet: steered to another CPU when RPS is in use, else on this one (see README.md). */
#include <linux/compiler.h>

int rps_needed;

void enqueue_to_backlog(int cpu) { (void)cpu; }

int netif_rx_internal(int cpu) {
#ifdef CONFIG_RPS
  if (rps_needed) {
    enqueue_to_backlog(cpu + 1);
  } else
#endif
  {
    enqueue_to_backlog(cpu);
  }
  return 0;
}

void only_steered(int cpu) {
#ifdef CONFIG_RPS
  if (rps_needed)
    enqueue_to_backlog(cpu + 1);
#endif
}
