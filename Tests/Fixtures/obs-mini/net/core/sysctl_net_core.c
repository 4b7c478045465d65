#include <linux/netdevice.h>
#include <linux/sysctl.h>
#include <net/net_namespace.h>

static struct ctl_table net_core_table[] = {
	{
		.procname = "netdev_max_backlog", /*sysctl:backlog*/
		.data = &netdev_max_backlog,
		.maxlen = sizeof(int),
		.mode = 0644,
	},
	{
		.procname = "netdev_budget", /*sysctl:budget*/
		.data = &net_hotdata.netdev_budget,
		.maxlen = sizeof(int),
		.mode = 0644,
	},
	{
		.procname = "netdev_budget_usecs",
		.data = &net_hotdata.netdev_budget_usecs,
		.maxlen = sizeof(unsigned int),
		.mode = 0644,
	},
	{ }
};

static int sysctl_core_init(void)
{
	register_net_sysctl(&init_net, "net/core", net_core_table); /*register:core*/
	return 0;
}
