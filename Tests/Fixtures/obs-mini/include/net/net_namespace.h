#ifndef MINI_NET_NAMESPACE_H
#define MINI_NET_NAMESPACE_H
#include <net/snmp.h>
struct netns_ipv4 {
	int sysctl_tcp_ecn;
	int sysctl_ip_default_ttl;
};
struct netns_mib {
	struct mib_block ip_statistics;
	struct mib_block tcp_statistics;
	struct mib_block net_statistics;
	struct mib_block ipv6_statistics;
	struct mib_block udp_stats_in6;
};
struct net {
	struct netns_ipv4 ipv4;
	struct netns_mib mib;
};
extern struct net init_net;
static inline struct net *dev_net(struct net_device *dev) { return &init_net; }
#endif
