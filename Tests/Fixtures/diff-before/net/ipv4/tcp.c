#include <linux/skbuff.h>

int tcp_push_frames(struct sock *sk, struct sk_buff *skb)
{
	int sent = 0;

	skb->len += 1;
	sent = sk->icsk_af_ops->queue_xmit(sk, skb);
	return sent;
}

int tcp_sendmsg(struct sock *sk, struct sk_buff *skb)
{
	return tcp_push_frames(sk, skb);
}
