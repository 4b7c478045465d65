#include <linux/netdevice.h>

int __netif_receive_skb_one_core(struct sk_buff *skb, struct packet_type *pt_prev)
{
	return INDIRECT_CALL_INET(pt_prev->func, ipv6_rcv, ip_rcv, skb);
}
