#include <linux/skbuff.h>

int ip_output(struct net *net, struct sk_buff *skb);
int ip_mc_output(struct net *net, struct sk_buff *skb);

/* Routes are set up at run time now; multicast ones send through ip_mc_output. */
void rt_dst_alloc(struct dst_entry *dst, int multicast)
{
	if (multicast)
		dst->output = ip_mc_output;
	else
		dst->output = ip_output; /*rt_dst_alloc:assignment*/
}

int ip_mc_output(struct net *net, struct sk_buff *skb)
{
	(void)net;
	return skb->len;
}
