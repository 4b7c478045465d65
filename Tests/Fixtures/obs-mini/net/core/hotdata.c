#include <linux/netdevice.h>

struct net_hotdata net_hotdata = {
	.max_backlog = 1000, /*hotdata:max_backlog*/
	.netdev_budget = 300,
	.netdev_budget_usecs = 2 * USEC_PER_SEC / HZ,
};
