#include <linux/netdevice.h>
#include <net/net_namespace.h>

struct sock { int sk_drops; };
struct sock *udp6_lib_lookup(struct sk_buff *skb);

static int udpv6_queue_rcv_skb(struct sock *sk, struct sk_buff *skb)
{
	__UDP6_INC_STATS(&init_net, UDP_MIB_INDATAGRAMS); /*udp6:indatagrams*/
	return 0;
}

/* The packet leaves by the call in the branch that returns; what follows counts packets no socket took. */
int udpv6_rcv(struct sk_buff *skb)
{
	struct net *net = dev_net(skb->dev);
	struct sock *sk = udp6_lib_lookup(skb);

	if (sk)
		return udpv6_queue_rcv_skb(sk, skb); /*udp6:deliver*/
	__UDP6_INC_STATS(net, UDP_MIB_NOPORTS); /*udp6:noports*/
	kfree_skb(skb);
	return 0;
}
