/* route-mini: a socket and its protocol's operations, the pointer the send system call goes through. */
#ifndef _LINUX_NET_H
#define _LINUX_NET_H
#include <linux/compiler.h>

struct socket;

struct proto_ops {
	int (*sendmsg)(struct socket *sock, struct msghdr *m, size_t total_len);
};

struct socket {
	struct sock *sk;
	const struct proto_ops *ops;
};

struct socket *sockfd_lookup(int fd);

#endif
