#include <linux/netdevice.h>
#include <linux/sock.h>

int __tcp_transmit_skb(struct sock *sk, struct sk_buff *skb)
{
	unsigned int tcp_header_size = 32;

	skb_push(skb, tcp_header_size);
	return ip_queue_xmit(skb);
}

int tcp_sendmsg(struct sock *sk, struct sk_buff *skb)
{
	__skb_queue_tail(&sk->sk_write_queue, skb);
	return __tcp_transmit_skb(sk, skb);
}

static void tcp_data_queue(struct sock *sk, struct sk_buff *skb)
{
	__skb_queue_tail(&sk->sk_receive_queue, skb);
	sk->sk_data_ready(sk);
}

int tcp_v4_rcv(struct sk_buff *skb)
{
	tcp_data_queue(skb->sk, skb);
	return 0;
}
