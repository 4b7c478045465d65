#include <linux/netdevice.h>
#include <linux/sock.h>

int ip_send_skb(struct sk_buff *skb);

static int udp_send_skb(struct sk_buff *skb)
{
	skb_push(skb, sizeof(struct udphdr));
	return ip_send_skb(skb);
}

int udp_sendmsg(struct sock *sk, struct sk_buff *skb)
{
	return udp_send_skb(skb);
}

static int __udp_enqueue_schedule_skb(struct sock *sk, struct sk_buff *skb)
{
	__skb_queue_tail(&sk->sk_receive_queue, skb);
	sk->sk_data_ready(sk);
	return 0;
}

int udp_rcv(struct sk_buff *skb)
{
	return __udp_enqueue_schedule_skb(skb->sk, skb);
}

void sock_def_readable(struct sock *sk)
{
	__wake_up_sync_key(&sk->sk_wq, 1);
}

void sock_init_data(struct sock *sk)
{
	sk->sk_data_ready = sock_def_readable;
}
