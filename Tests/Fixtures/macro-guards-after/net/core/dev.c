#include <linux/netdevice.h>

int dev_hard_start_xmit(struct sk_buff *skb)
{
	return skb->len;
}

int __dev_queue_xmit(struct sk_buff *skb)
{
	return dev_xmit_hook(skb);
}
