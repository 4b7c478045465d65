/* route-mini: the TCP send side's header: the push helpers the sender chooses between, and an inline function whose
 * own `if` guards a call (its guard lives here, in the header). */
#ifndef _NET_TCP_H
#define _NET_TCP_H
#include <linux/compiler.h>

#define AF_INET 2
#define AF_INET6 10
#define TCP_CLOSE 7
#define TCP_NAGLE_OFF 1
#define TCP_NAGLE_PUSH 4

/* A loop made by a macro: its guard is the invocation. */
#define skb_queue_walk(queue, skb) \
	for (skb = (queue)->next; skb != (struct sk_buff *)(queue); skb = skb->next)

/* A statement expression with an `if` of its own around a call. */
#define sk_wait_event(sk) \
	({ int __rc = 0; if (!sk_stream_memory_free(sk)) __rc = sk_wait_timeout(sk); __rc; })

int sk_stream_memory_free(const struct sock *sk);
int sk_wait_timeout(struct sock *sk);
int sk_stream_wait_connect(struct sock *sk);
void tcp_wait_error(struct sock *sk, int err);
int sk_stream_error(struct sock *sk, int flags, int err);
int skb_copy_to_page(struct sock *sk, struct msghdr *msg);
void tcp_retransmit_skb(struct sock *sk, struct sk_buff *skb);
void tcp_cwnd_validate(struct sock *sk);
int tcp_pacing_check(struct sock *sk);
void tcp_v4_send_check(struct sock *sk, struct sk_buff *skb);
int ip_queue_xmit(struct sock *sk, struct sk_buff *skb);
int inet6_csk_xmit(struct sock *sk, struct sk_buff *skb);

void __tcp_push_pending_frames(struct sock *sk, int mss_now, int nonagle);
void tcp_push_one(struct sock *sk, int mss_now);
void tcp_write_xmit(struct sock *sk, int mss_now, int nonagle);
int tcp_transmit_skb(struct sock *sk, struct sk_buff *skb);
int tcp_sendmsg(struct sock *sk, struct msghdr *msg, size_t size);

static inline size_t msg_data_left(const struct msghdr *msg)
{
	return msg->msg_len;
}

static inline int forced_push(const struct sock *sk)
{
	return sk->write_seq > sk->pushed_seq + (sk->max_window >> 1);
}

static inline struct sk_buff *tcp_send_head(const struct sock *sk)
{
	return sk->sk_send_head;
}

static inline void tcp_push_pending_frames(struct sock *sk)
{
	if (tcp_send_head(sk)) /*route:header-if*/
		__tcp_push_pending_frames(sk, 1460, sk->nonagle);
}

#endif
