#ifndef MINI_SKBUFF_H
#define MINI_SKBUFF_H

struct net_device;
struct dst_entry;
struct sock;

struct sk_buff {
	int len;
	struct net_device *dev;
	struct dst_entry *dst;
};

struct dst_entry {
	int (*output)(struct sk_buff *skb);
};

struct inet_connection_sock_af_ops {
	int (*queue_xmit)(struct sock *sk, struct sk_buff *skb);
};

struct sock {
	const struct inet_connection_sock_af_ops *icsk_af_ops;
};

#endif
