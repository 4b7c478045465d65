/* route-mini: the TCP output path the pushes lead to (net/ipv4/tcp_output.c):
 *   - __tcp_push_pending_frames: an `unlikely()` early return, then tcp_write_xmit on the main line,
 *   - tcp_write_xmit: `while ((skb = tcp_send_head(sk)))` around tcp_transmit_skb, a `likely()` branch after it,
 *   - tcp_transmit_skb: a `switch (sk->sk_family)` with two statements under `case AF_INET`, one under
 *     `case AF_INET6` and a `default`,
 *   - tcp_xmit_retransmit_queue: a loop made by a macro (`skb_queue_walk`),
 *   - tcp_data_snd_check: calls the header inline tcp_push_pending_frames, whose `if` is in include/net/tcp.h.
 */
#include <net/tcp.h>

int tcp_transmit_skb(struct sock *sk, struct sk_buff *skb)
{
	int err;

	switch (sk->sk_family) { /*route:switch*/
	case AF_INET:
		tcp_v4_send_check(sk, skb); /*route:case-first*/
		err = ip_queue_xmit(sk, skb); /*route:case-second*/
		break;
	case AF_INET6:
		err = inet6_csk_xmit(sk, skb); /*route:case-v6*/
		break;
	default:
		kfree_skb(skb); /*route:default*/
		err = -1;
	}
	return err;
}

void tcp_write_xmit(struct sock *sk, int mss_now, int nonagle)
{
	struct sk_buff *skb;

	while ((skb = tcp_send_head(sk))) { /*route:xmit-loop*/
		if (unlikely(tcp_pacing_check(sk)))
			break;
		tcp_transmit_skb(sk, skb); /*route:transmit-call*/
	}
	if (likely(sk->sk_err == 0)) /*route:likely*/
		tcp_cwnd_validate(sk);
}

void __tcp_push_pending_frames(struct sock *sk, int mss_now, int nonagle)
{
	if (unlikely(sk->sk_state == TCP_CLOSE))
		return;
	tcp_write_xmit(sk, mss_now, nonagle); /*route:write-xmit-call*/
}

void tcp_push_one(struct sock *sk, int mss_now)
{
	tcp_write_xmit(sk, mss_now, 1);
}

void tcp_xmit_retransmit_queue(struct sock *sk)
{
	struct sk_buff *skb;

	skb_queue_walk(&sk->sk_write_queue, skb) { /*route:macro-loop*/
		tcp_retransmit_skb(sk, skb);
	}
}

void tcp_data_snd_check(struct sock *sk)
{
	tcp_push_pending_frames(sk);
}
