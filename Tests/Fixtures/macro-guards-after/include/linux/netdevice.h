#ifndef MINI_NETDEVICE_H
#define MINI_NETDEVICE_H

struct sk_buff { int len; };

int dev_hard_start_xmit(struct sk_buff *skb);

/* After: the hook also needs the xgress hooks, and moved below a new comment line. */
#if defined(CONFIG_NET_EGRESS) && defined(CONFIG_NET_XGRESS)

#define dev_xmit_hook(skb) dev_hard_start_xmit(skb)
#endif

#endif
