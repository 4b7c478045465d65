#include <linux/netdevice.h>

static int ip_finish_output2(struct sk_buff *skb)
{
	unsigned int hh_len = skb->dev->hard_header_len;

	__skb_push(skb, hh_len);
	return dev_queue_xmit(skb);
}

int ip_queue_xmit(struct sk_buff *skb)
{
	skb_push(skb, sizeof(struct iphdr));
	return ip_finish_output2(skb);
}

int ip_send_skb(struct sk_buff *skb)
{
	skb_push(skb, sizeof(struct iphdr));
	return ip_finish_output2(skb);
}
