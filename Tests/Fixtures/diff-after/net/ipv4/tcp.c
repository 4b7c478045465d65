#include <linux/skbuff.h>
#include <linux/indirect_call_wrapper.h>

int ip_queue_xmit(struct sock *sk, struct sk_buff *skb);

int tcp_push_pending(struct sock *sk, struct sk_buff *skb)
{
	int sent = 0;

	skb->len += 1;
	sent = INDIRECT_CALL_1(sk->icsk_af_ops->queue_xmit, ip_queue_xmit, sk, skb);
	return sent;
}

int tcp_sendmsg(struct sock *sk, struct sk_buff *skb)
{
	return tcp_push_pending(sk, skb);
}
