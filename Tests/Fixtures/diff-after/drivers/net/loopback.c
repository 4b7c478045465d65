#include <linux/skbuff.h>
#include <linux/netdevice.h>
#include <trace/events/net.h>

static int loopback_xmit(struct sk_buff *skb, struct net_device *dev)
{
	(void)dev;
	trace_netif_rx(skb);
	return netif_rx(skb) == 0 ? 0 : -1;
}

const struct net_device_ops loopback_ops = {
	.ndo_start_xmit = loopback_xmit,
};
