#include <linux/netdevice.h>

static int loopback_dev_init(struct net_device *dev)
{
	(void)dev;
	return 0;
}

static int loopback_xmit(struct sk_buff *skb, struct net_device *dev)
{
	(void)dev;
	return netif_rx(skb); /*netif_rx:direct*/
}

static const struct net_device_ops loopback_ops = {
	.ndo_init = loopback_dev_init,
	.ndo_start_xmit = loopback_xmit, /*loopback_ops:designated*/
};

const struct net_device_ops *loopback_netdev_ops(void)
{
	return &loopback_ops;
}
