#include <linux/netdevice.h>
#include <linux/netfilter.h>

#define dev_kfree_skb(skb) consume_skb(skb)

static int ip_rcv_finish(struct sk_buff *skb)
{
	dev_kfree_skb(skb); /*dev_kfree_skb:macro*/
	return 0;
}

int ip_rcv(struct sk_buff *skb, struct net_device *dev)
{
	(void)dev;
	return NF_HOOK(2, skb, ip_rcv_finish); /*NF_HOOK:inline*/
}

/* Positional: the second field is .func. */
struct packet_type ip_packet_type = { 8, ip_rcv }; /*ip_packet_type:positional*/
