#ifndef MINI_NETDEVICE_H
#define MINI_NETDEVICE_H
#include <linux/types.h>
#include <net/dropreason.h>

struct net_device { int ifindex; };
struct sk_buff { int len; struct net_device *dev; };

/* Per-CPU receive statistics, printed one line per CPU. */
struct softnet_data {
	unsigned int processed;
	unsigned int time_squeeze;
	int dropped;
	int qlen;
};
extern struct softnet_data softnet_data;

/* Hot tunables gathered into one struct. */
struct net_hotdata {
	int max_backlog;
	int netdev_budget;
	unsigned int netdev_budget_usecs;
};
extern struct net_hotdata net_hotdata;
extern int netdev_max_backlog;

int netif_rx(struct sk_buff *skb);
void net_rx_action(void);
int ip_rcv(struct sk_buff *skb, struct net_device *dev);
int tcp_v4_rcv(struct sk_buff *skb);
int ipv6_rcv(struct sk_buff *skb, struct net_device *dev);
int udpv6_rcv(struct sk_buff *skb);
#endif
