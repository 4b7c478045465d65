#ifndef SIM_SOCK_H
#define SIM_SOCK_H

#include <linux/skbuff.h>
#include <linux/wait.h>

struct sock {
	struct sk_buff_head sk_write_queue;
	struct sk_buff_head sk_receive_queue;
	void (*sk_data_ready)(struct sock *sk);
	int owned;
	struct wait_queue_head sk_wq;
};

/* The socket lock: a task holds it from lock_sock to release_sock; the softirq asks sock_owned_by_user. */
static inline void lock_sock(struct sock *sk) { sk->owned = 1; }
void release_sock(struct sock *sk);
static inline int sock_owned_by_user(const struct sock *sk) { return sk->owned; }

void sock_def_readable(struct sock *sk);
int udp_rcv(struct sk_buff *skb);
int tcp_v4_rcv(struct sk_buff *skb);
int ip_queue_xmit(struct sk_buff *skb);

#endif
