#include <linux/netdevice.h>
#include <net/net_namespace.h>

static enum skb_drop_reason reason_holder;

static struct sk_buff *ip_rcv_core(struct sk_buff *skb, struct net *net)
{
	if (skb->len < 20)
		goto csum_error;
	__IP_UPD_PO_STATS(net, IPSTATS_MIB_IN, skb->len); /*ip:inpkts*/
	return skb;

csum_error:
	SKB_DR_SET(reason_holder, IP_CSUM); /*ip:reason*/
	__IP_INC_STATS(net, IPSTATS_MIB_INHDRERRORS); /*ip:hdrerrors*/
	kfree_skb(skb); /*ip:drop*/
	return NULL;
}

static int ip_local_deliver(struct sk_buff *skb)
{
	__IP_INC_STATS(&init_net, IPSTATS_MIB_INDELIVERS);
	return tcp_v4_rcv(skb);
}

int ip_rcv(struct sk_buff *skb, struct net_device *dev)
{
	struct net *net = dev_net(dev);

	skb = ip_rcv_core(skb, net);
	if (skb == NULL)
		return 1;
	return ip_local_deliver(skb);
}
