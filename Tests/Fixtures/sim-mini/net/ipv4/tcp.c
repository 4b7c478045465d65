#include <linux/netdevice.h>
#include <linux/sock.h>
#include <trace/events/tcp.h>
#include <trace/events/skb.h>

int __tcp_transmit_skb(struct sock *sk, struct sk_buff *skb)
{
	unsigned int tcp_header_size = 32;

	skb_push(skb, tcp_header_size);
	return ip_queue_xmit(skb);
}

int tcp_sendmsg(struct sock *sk, struct sk_buff *skb)
{
	int rc;

	lock_sock(sk); /*lock_sock:call*/
	__skb_queue_tail(&sk->sk_write_queue, skb);
	rc = __tcp_transmit_skb(sk, skb);
	release_sock(sk); /*release_sock:call*/
	return rc;
}

static void tcp_drop(struct sk_buff *skb)
{
	trace_kfree_skb(skb); /*kfree_skb:site*/
}

static void tcp_add_backlog(struct sock *sk, struct sk_buff *skb)
{
	(void)sk;
	(void)skb;
}

static void tcp_data_queue(struct sock *sk, struct sk_buff *skb)
{
	__skb_queue_tail(&sk->sk_receive_queue, skb);
	sk->sk_data_ready(sk);
	if (!skb->len)
		tcp_drop(skb); /*branch drop*/
}

static void tcp_rcv_established(struct sock *sk, struct sk_buff *skb)
{
	trace_tcp_probe(sk, skb); /*tcp_probe:site*/
	tcp_data_queue(sk, skb);
}

int tcp_v4_rcv(struct sk_buff *skb)
{
	struct sock *sk = skb->sk;

	if (skb->csum_bad)
		goto csum_error;
	if (!sock_owned_by_user(sk))
		tcp_rcv_established(sk, skb);
	else
		tcp_add_backlog(sk, skb);
	return 0;
csum_error:
	trace_tcp_bad_csum(skb); /*tcp_bad_csum:site*/
	tcp_drop(skb);
	return 0;
}
