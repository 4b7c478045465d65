#ifndef SIM_NETDEVICE_H
#define SIM_NETDEVICE_H

#include <linux/skbuff.h>

struct net_device;

struct net_device_ops {
	int (*ndo_start_xmit)(struct sk_buff *skb, struct net_device *dev);
};

struct net_device {
	const struct net_device_ops *netdev_ops;
	unsigned int hard_header_len;
};

struct napi_struct {
	int (*poll)(struct napi_struct *napi, int budget);
};

struct softnet_data {
	struct sk_buff_head input_pkt_queue;
	struct sk_buff_head process_queue;
	struct napi_struct backlog;
};

int dev_queue_xmit(struct sk_buff *skb);
int netif_rx(struct sk_buff *skb);
int eth_type_trans(struct sk_buff *skb, struct net_device *dev);
int ip_rcv(struct sk_buff *skb);

#endif
