#include <linux/netdevice.h>
#include <linux/interrupt.h>
#include <trace/events/net.h>
#include <trace/events/napi.h>

static struct softnet_data softnet_data;

int dev_hard_start_xmit(struct sk_buff *skb, struct net_device *dev)
{
	const struct net_device_ops *ops = dev->netdev_ops;
	int rc;

	rc = ops->ndo_start_xmit(skb, dev); /*dev_hard_start_xmit:call*/
	trace_net_dev_xmit(skb); /*net_dev_xmit:site*/
	return rc;
}

static int __dev_queue_xmit(struct sk_buff *skb)
{
	int rc;

	rcu_read_lock_bh();
	trace_net_dev_queue(skb); /*net_dev_queue:site*/
	rc = dev_hard_start_xmit(skb, skb->dev);
	rcu_read_unlock_bh();
	return rc;
}

int dev_queue_xmit(struct sk_buff *skb)
{
	return __dev_queue_xmit(skb);
}

static int enqueue_to_backlog(struct sk_buff *skb)
{
	struct softnet_data *sd = &softnet_data;

	__skb_queue_tail(&sd->input_pkt_queue, skb); /*enqueue:call*/
	__raise_softirq_irqoff(NET_RX_SOFTIRQ);
	return 0;
}

int netif_rx(struct sk_buff *skb)
{
	trace_netif_rx(skb); /*netif_rx:site*/
	return enqueue_to_backlog(skb);
}

static void __netif_receive_skb_core(struct sk_buff *skb)
{
	trace_netif_receive_skb(skb); /*netif_receive_skb:site*/
}

static int __netif_receive_skb(struct sk_buff *skb)
{
	__netif_receive_skb_core(skb);
	return ip_rcv(skb);
}

static int process_backlog(struct napi_struct *napi, int quota)
{
	struct softnet_data *sd = &softnet_data;
	struct sk_buff *skb;
	int work = 0;

	while ((skb = __skb_dequeue(&sd->process_queue))) {
		__netif_receive_skb(skb);
		work++;
	}
	skb_queue_splice_tail_init(&sd->input_pkt_queue, &sd->process_queue);
	return work;
}

static int napi_poll(struct napi_struct *n)
{
	int work = n->poll(n, 64);

	trace_napi_poll(n, work, 64); /*napi_poll:site*/
	return work;
}

static void net_rx_action(struct softirq_action *h)
{
	napi_poll(&softnet_data.backlog);
}

static int net_dev_init(void)
{
	softnet_data.backlog.poll = process_backlog;
	open_softirq(NET_RX_SOFTIRQ, net_rx_action);
	return 0;
}
