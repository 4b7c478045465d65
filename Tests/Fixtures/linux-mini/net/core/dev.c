#include <linux/netdevice.h>
#include <linux/interrupt.h>
#include <linux/indirect_call_wrapper.h>
#include <trace/events/net.h>

int ip_rcv(struct sk_buff *skb, struct net_device *dev);
int ipv6_rcv(struct sk_buff *skb, struct net_device *dev);
extern struct packet_type ip_packet_type;

struct softnet_data {
	struct napi_struct backlog;
	struct sk_buff *queue;
};

static struct softnet_data softnet;

void consume_skb(struct sk_buff *skb)
{
	skb->len = 0;
}

int dev_hard_start_xmit(struct sk_buff *skb, struct net_device *dev)
{
	return netdev_start_xmit(skb, dev); /*netdev_start_xmit:inline*/
}

int dev_queue_xmit(struct sk_buff *skb)
{
	trace_net_dev_queue(skb); /*net_dev_queue:trace*/
	return dev_hard_start_xmit(skb, skb->dev); /*dev_hard_start_xmit:direct*/
}

static int enqueue_to_backlog(struct sk_buff *skb)
{
	softnet.queue = skb;
#ifdef CONFIG_RPS
	__raise_softirq_irqoff(NET_RX_SOFTIRQ); /*raise:direct*/
#endif
	return 0;
}

int netif_rx(struct sk_buff *skb)
{
	trace_netif_rx(skb);
	return enqueue_to_backlog(skb);
}

static int deliver_skb(struct sk_buff *skb, struct packet_type *pt)
{
	return INDIRECT_CALL_2(pt->func, ipv6_rcv, ip_rcv, skb, skb->dev); /*deliver:indirect*/
}

static int process_backlog(struct napi_struct *napi, int quota)
{
	(void)napi;
	(void)quota;
	return deliver_skb(softnet.queue, &ip_packet_type);
}

static void napi_poll(struct napi_struct *n)
{
	n->poll(n, 64); /*poll:pointer*/
}

static void net_rx_action(struct softirq_action *h)
{
	(void)h;
	napi_poll(&softnet.backlog);
}

void net_dev_init(void)
{
	struct softnet_data *sd = &softnet;

	sd->backlog.poll = process_backlog; /*backlog:assignment*/
	open_softirq(NET_RX_SOFTIRQ, net_rx_action); /*open_softirq:registration*/
}
