#ifndef MINI_NETDEVICE_H
#define MINI_NETDEVICE_H

struct net_device;

struct sk_buff {
	int len;
	struct net_device *dev;
};

struct net_device_ops {
	int (*ndo_init)(struct net_device *dev);
	int (*ndo_start_xmit)(struct sk_buff *skb, struct net_device *dev);
};

struct net_device {
	const struct net_device_ops *netdev_ops;
};

struct napi_struct {
	int (*poll)(struct napi_struct *n, int budget);
};

struct packet_type {
	int type;
	int (*func)(struct sk_buff *skb, struct net_device *dev);
};

static inline int netdev_start_xmit(struct sk_buff *skb, struct net_device *dev)
{
	const struct net_device_ops *ops = dev->netdev_ops;

	return ops->ndo_start_xmit(skb, dev); /*ndo_start_xmit:pointer*/
}

int dev_queue_xmit(struct sk_buff *skb);
int netif_rx(struct sk_buff *skb);
void consume_skb(struct sk_buff *skb);

#endif
