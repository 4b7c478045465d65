#include <linux/netdevice.h>

static const struct net_protocol *inet_protos[256];

int ip_local_deliver(struct sk_buff *skb)
{
	const struct net_protocol *ipprot = inet_protos[skb->protocol];

	return INDIRECT_CALL_2(ipprot->handler, tcp_v4_rcv, udp_rcv, skb);
}

int ip_rcv(struct sk_buff *skb)
{
	return ip_local_deliver(skb);
}
