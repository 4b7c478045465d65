/* route-mini: tcp_sendmsg_locked's branch points, in the shape of the kernel's (net/ipv4/tcp.c):
 *   - an `unlikely()` error branch (tcp_wait_error) that jumps to an exit label (`do_error:`, sk_stream_error),
 *   - the copy loop `while (msg_data_left(msg))`, inside it `if (forced_push(sk))` pushing at once through
 *     __tcp_push_pending_frames and, in the else branch, `else if (...)` tcp_push_one,
 *   - tcp_push called unconditionally after the loop (the main line),
 *   - sk_stream_wait_memory: a `for (;;)` loop around a statement-expression macro whose own `if` guards a call.
 */
#include <net/tcp.h>

static int sk_stream_wait_memory(struct sock *sk)
{
	for (;;) { /*route:for-ever*/
		if (sk_stream_memory_free(sk))
			break;
		sk_wait_event(sk); /*route:wait-event*/
	}
	return 0;
}

static void tcp_push(struct sock *sk, int flags, int mss_now, int nonagle)
{
	if (!tcp_send_head(sk))
		return;
	__tcp_push_pending_frames(sk, mss_now, nonagle); /*route:tcp-push-call*/
}

int tcp_sendmsg_locked(struct sock *sk, struct msghdr *msg, size_t size)
{
	int flags = msg->msg_flags;
	int mss_now = 1460;
	int copied = 0;
	int err;

	err = sk_stream_wait_connect(sk);
	if (unlikely(err)) { /*route:unlikely-err*/
		tcp_wait_error(sk, err); /*route:unlikely-call*/
		goto do_error;
	}

	while (msg_data_left(msg)) { /*route:copy-loop*/
		if (!sk_stream_memory_free(sk)) {
			err = sk_stream_wait_memory(sk);
			if (err)
				goto do_error;
		}
		copied += skb_copy_to_page(sk, msg);
		if (forced_push(sk)) /*route:forced-push*/
			__tcp_push_pending_frames(sk, mss_now, TCP_NAGLE_PUSH); /*route:forced-push-call*/
		else if (sk->sk_send_head == sk->sk_write_queue.next) /*route:push-one*/
			tcp_push_one(sk, mss_now); /*route:push-one-call*/
	}

	tcp_push(sk, flags, mss_now, TCP_NAGLE_OFF); /*route:push-call*/
	return copied;

do_error:
	err = sk_stream_error(sk, flags, err); /*route:error-call*/
	return err;
}

int tcp_sendmsg(struct sock *sk, struct msghdr *msg, size_t size)
{
	return tcp_sendmsg_locked(sk, msg, size);
}
