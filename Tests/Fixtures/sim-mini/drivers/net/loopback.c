#include <linux/netdevice.h>

static int loopback_xmit(struct sk_buff *skb, struct net_device *dev)
{
	eth_type_trans(skb, dev); /*eth_type_trans:call*/
	return netif_rx(skb);
}

static const struct net_device_ops loopback_ops = {
	.ndo_start_xmit = loopback_xmit,
};
