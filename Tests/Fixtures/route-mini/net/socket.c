/* route-mini: the sendto system call (net/socket.c): SYSCALL_DEFINE3(sendto, …) makes __x64_sys_sendto,
 * __se_sys_sendto and __do_sys_sendto; __do_sys_sendto calls __sys_sendto, which calls sock_sendmsg, which calls
 * through struct proto_ops.sendmsg (bound to inet_sendmsg in net/ipv4/af_inet.c). */
#include <linux/net.h>
#include <linux/syscalls.h>

static int sock_sendmsg(struct socket *sock, struct msghdr *msg)
{
	return sock->ops->sendmsg(sock, msg, msg->msg_len);
}

int __sys_sendto(int fd, void *buff, size_t len)
{
	struct socket *sock = sockfd_lookup(fd);
	struct msghdr msg;

	msg.msg_len = len;
	msg.msg_flags = 0;
	if (unlikely(!sock))
		return -9;
	return sock_sendmsg(sock, &msg);
}

SYSCALL_DEFINE3(sendto, int, fd, void *, buff, size_t, len) /*route:syscall-define*/
{
	return __sys_sendto(fd, buff, len);
}
