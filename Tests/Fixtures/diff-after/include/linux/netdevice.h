#ifndef MINI_NETDEVICE_H
#define MINI_NETDEVICE_H

struct sk_buff;
struct net_device;

struct net_device_ops {
	int (*ndo_start_xmit)(struct sk_buff *skb, struct net_device *dev);
};

struct net_device {
	const struct net_device_ops *netdev_ops;
};

int __dev_queue_xmit(struct sk_buff *skb, struct net_device *sb_dev);

static inline int dev_queue_xmit(struct sk_buff *skb)
{
	return __dev_queue_xmit(skb, 0); /*__dev_queue_xmit:direct*/
}

int netif_rx(struct sk_buff *skb);

#endif
