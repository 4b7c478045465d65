#include <linux/netdevice.h>
#include <net/net_namespace.h>

/* Not static, as __ip_local_out is not: the step that calls it on its main line takes in its counter all the same. */
void tcp_v4_count_in(struct net *net)
{
	__TCP_INC_STATS(net, TCP_MIB_INSEGS); /*tcp:insegs*/
}

int tcp_v4_rcv(struct sk_buff *skb)
{
	struct net *net = dev_net(skb->dev);
	enum skb_drop_reason drop_reason = SKB_DROP_REASON_NOT_SPECIFIED;

	tcp_v4_count_in(net); /*tcp:count-in*/
	if (READ_ONCE(net->ipv4.sysctl_tcp_ecn) > 1) /*tcp:ecn*/
		goto no_tcp_socket;
	if (skb->len > 4)
		NET_INC_STATS(net, LINUX_MIB_TCPBACKLOGDROP); /*tcp:backlogdrop*/
	drop_reason = SKB_NOT_DROPPED_YET; /*tcp:not-dropped*/
	if (skb->len > 8)
		kfree_skb_reason(skb, SKB_CONSUMED); /*tcp:consumed*/
	return 0;

no_tcp_socket:
	drop_reason = SKB_DROP_REASON_NO_SOCKET;
bad_packet:
	__TCP_INC_STATS(net, TCP_MIB_INERRS); /*tcp:inerrs*/
discard_it:
	kfree_skb_reason(skb, drop_reason); /*tcp:drop*/
	return 0;
}

static int tcp_sk_init(struct net *net)
{
	net->ipv4.sysctl_tcp_ecn = 2; /*tcp:ecn-default*/
	return 0;
}
