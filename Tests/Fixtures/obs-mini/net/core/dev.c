#include <linux/netdevice.h>
#include <net/net_namespace.h>

int netdev_max_backlog = 1000; /*netdev_max_backlog:default*/

static int enqueue_to_backlog(struct sk_buff *skb, struct softnet_data *sd)
{
	enum skb_drop_reason reason;

	reason = SKB_DROP_REASON_NOT_SPECIFIED; /*backlog:reason-init*/
	if (sd->qlen <= READ_ONCE(netdev_max_backlog)) { /*backlog:read*/
		sd->qlen++;
		return 0;
	}
	reason = SKB_DROP_REASON_CPU_BACKLOG; /*backlog:reason*/

drop:
	sd->dropped++; /*backlog:dropped*/
	kfree_skb_reason(skb, reason); /*backlog:drop*/
	return 1;
}

int netif_rx(struct sk_buff *skb)
{
	return enqueue_to_backlog(skb, &softnet_data);
}

static void __netif_receive_skb(struct sk_buff *skb)
{
another_round:
	__this_cpu_inc(softnet_data.processed); /*receive:processed*/
	ip_rcv(skb, skb->dev);
}

void net_rx_action(void)
{
	int budget = READ_ONCE(net_hotdata.netdev_budget); /*rx_action:budget*/
	unsigned int usecs = READ_ONCE(net_hotdata.netdev_budget_usecs);
	struct sk_buff *skb = NULL;

	for (;;) {
		if (budget <= 0 || usecs == 0) {
			softnet_data.time_squeeze++; /*rx_action:squeeze*/
			break;
		}
		budget--;
	}
	__netif_receive_skb(skb);
}
