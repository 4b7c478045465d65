#include <linux/netdevice.h>
#include <net/net_namespace.h>

static struct sk_buff *ip6_rcv_core(struct sk_buff *skb, struct net *net)
{
	__IP6_UPD_PO_STATS(net, NULL, IPSTATS_MIB_IN, skb->len); /*ip6:inpkts*/
	return skb;
}

int ipv6_rcv(struct sk_buff *skb, struct net_device *dev)
{
	struct net *net = dev_net(dev);

	skb = ip6_rcv_core(skb, net);
	if (skb == NULL)
		return 1;
	return udpv6_rcv(skb);
}
