#ifndef MINI_NETDEVICE_H
#define MINI_NETDEVICE_H

struct sk_buff { int len; };

int dev_hard_start_xmit(struct sk_buff *skb);

/* Before: the hook exists with the egress hooks. */
#ifdef CONFIG_NET_EGRESS
#define dev_xmit_hook(skb) dev_hard_start_xmit(skb)
#endif

#endif
