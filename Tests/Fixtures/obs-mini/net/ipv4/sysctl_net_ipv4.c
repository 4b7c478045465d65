#include <linux/netdevice.h>
#include <linux/sysctl.h>
#include <net/net_namespace.h>

static struct ctl_table ipv4_net_table[] = {
	{
		.procname = "tcp_ecn", /*sysctl:ecn*/
		.data = &init_net.ipv4.sysctl_tcp_ecn,
		.maxlen = sizeof(int),
		.mode = 0644,
	},
	{
		.procname = "ip_default_ttl",
		.data = &init_net.ipv4.sysctl_ip_default_ttl,
		.maxlen = sizeof(int),
		.mode = 0644,
	},
	{ }
};

static int ipv4_sysctl_init_net(struct net *net)
{
	struct ctl_table *table;

	table = ipv4_net_table;
	register_net_sysctl(net, "net/ipv4", table); /*register:ipv4*/
	return 0;
}
