/* route-mini: the IPv4 stream socket's operations (net/ipv4/af_inet.c): proto_ops.sendmsg is inet_sendmsg, which
 * calls tcp_sendmsg. */
#include <linux/net.h>
#include <net/tcp.h>

int inet_sendmsg(struct socket *sock, struct msghdr *msg, size_t size)
{
	return tcp_sendmsg(sock->sk, msg, size);
}

const struct proto_ops inet_stream_ops = {
	.sendmsg = inet_sendmsg, /*route:sendmsg-binding*/
};
