#include <linux/netdevice.h>

struct sock {
	int (*sk_backlog_rcv)(struct sk_buff *skb);
};

int tcp_v4_rcv(struct sk_buff *skb)
{
	return skb->len;
}

int tcp_v4_do_rcv(struct sk_buff *skb)
{
	return skb->len;
}

/* Off the path: the one place INDIRECT_CALL_1 makes a call itself, so the index records its definition. */
int sk_backlog_rcv(struct sock *sk, struct sk_buff *skb)
{
	return INDIRECT_CALL_1(sk->sk_backlog_rcv, tcp_v4_do_rcv, skb);
}
