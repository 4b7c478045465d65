#ifndef MINI_NETDEVICE_H
#define MINI_NETDEVICE_H

#include <linux/indirect_call_wrapper.h>

struct sk_buff { int len; int protocol; };

struct packet_type {
	int (*func)(struct sk_buff *skb);
};

struct net_protocol {
	int (*handler)(struct sk_buff *skb);
};

int ipv6_rcv(struct sk_buff *skb);
int ip_rcv(struct sk_buff *skb);
int tcp_v4_rcv(struct sk_buff *skb);
int udp_rcv(struct sk_buff *skb);

#endif
