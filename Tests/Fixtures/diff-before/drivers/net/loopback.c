#include <linux/skbuff.h>
#include <linux/netdevice.h>

static int loopback_xmit(struct sk_buff *skb, struct net_device *dev)
{
	(void)dev;
	return netif_rx(skb);
}

const struct net_device_ops loopback_ops = {
	.ndo_start_xmit = loopback_xmit,
};
