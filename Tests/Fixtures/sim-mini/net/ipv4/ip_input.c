#include <linux/netdevice.h>
#include <linux/sock.h>

static int ip_local_deliver_finish(struct sk_buff *skb)
{
	__skb_pull(skb, skb_network_header_len(skb));
	if (skb->is_tcp)
		return tcp_v4_rcv(skb);
	return udp_rcv(skb);
}

int ip_rcv(struct sk_buff *skb)
{
	return ip_local_deliver_finish(skb);
}
