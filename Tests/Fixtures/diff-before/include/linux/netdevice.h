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

int dev_queue_xmit(struct sk_buff *skb);
int netif_rx(struct sk_buff *skb);

#endif
