#include <linux/skbuff.h>
#include <linux/netdevice.h>
#include <linux/interrupt.h>
#include <trace/events/net.h>

int dev_hard_start_xmit(struct sk_buff *skb, struct net_device *dev)
{
	trace_net_dev_xmit(skb);
	return dev->netdev_ops->ndo_start_xmit(skb, dev); /*ndo_start_xmit:pointer*/
}

int __dev_queue_xmit(struct sk_buff *skb, struct net_device *sb_dev)
{
	struct net_device *dev = sb_dev ? sb_dev : skb->dev;

	trace_net_dev_queue(skb);
	skb->len += 14;
	return dev_hard_start_xmit(skb, dev);
}

int netif_rx(struct sk_buff *skb)
{
	skb->len -= 14;
#ifdef CONFIG_RPS_BACKLOG
	__raise_softirq_irqoff(NET_RX_SOFTIRQ);
#endif
	return 0;
}
