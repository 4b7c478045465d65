#include <linux/skbuff.h>
#include <linux/netdevice.h>

int ip_output(struct sk_buff *skb)
{
	return dev_queue_xmit(skb);
}

int ip_queue_xmit(struct sock *sk, struct sk_buff *skb)
{
	(void)sk;
	return skb->dst->output(skb);
}

const struct inet_connection_sock_af_ops ipv4_specific = {
	.queue_xmit = ip_queue_xmit, /*ipv4_specific:designated*/
};
