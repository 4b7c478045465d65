struct sk_buff { int len; };

int enqueue_to_backlog(struct sk_buff *skb)
{
	return skb->len;
}

int __netif_rx(struct sk_buff *skb)
{
	return enqueue_to_backlog(skb);
}

int netif_rx(struct sk_buff *skb)
{
	int ret = __netif_rx(skb);
	return ret;
}

int loopback_xmit(struct sk_buff *skb)
{
	return __netif_rx(skb);
}
