#include <linux/interrupt.h>
#include <linux/rcupdate.h>

void deliver(int len) { (void)len; }

static void net_rx_action(struct softirq_action *h) {
  (void)h;
  deliver(0);
}

void netif_rx(int len) {
  (void)len;
  __raise_softirq_irqoff(NET_RX_SOFTIRQ);
}

int dev_hard_start_xmit(int len) {
  netif_rx(len);
  return 0;
}

int dev_queue_xmit(int len) {
  int rc = 0;
  rcu_read_lock_bh();
  if (len > 0) {
    rc = dev_hard_start_xmit(len);
    goto out;
  }
  rc = -1;
  rcu_read_unlock_bh();
  return rc;
out:
  rcu_read_unlock_bh();
  return rc;
}

void net_dev_init(void) { open_softirq(NET_RX_SOFTIRQ, net_rx_action); }
