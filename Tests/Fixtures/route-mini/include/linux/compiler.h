/* route-mini: the branch hints and base types every file uses. */
#ifndef _LINUX_COMPILER_H
#define _LINUX_COMPILER_H

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

typedef unsigned long size_t;

struct sk_buff {
	struct sk_buff *next;
	unsigned int len;
};

struct sk_buff_head {
	struct sk_buff *next;
};

struct sock {
	int sk_family;
	int sk_state;
	int sk_err;
	unsigned int write_seq;
	unsigned int pushed_seq;
	unsigned int max_window;
	int nonagle;
	struct sk_buff *sk_send_head;
	struct sk_buff_head sk_write_queue;
};

struct msghdr {
	size_t msg_len;
	int msg_flags;
};

struct pt_regs {
	unsigned long di, si, dx, ax, orig_ax;
};

#define __always_inline inline __attribute__((__always_inline__))

void kfree_skb(struct sk_buff *skb);

#endif
