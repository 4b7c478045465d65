#include <linux/netdevice.h>
#include <net/net_namespace.h>

/* The same enumerators as IPv4's tables, printed as `Name value` lines for the IPv6 MIBs. */
static const struct snmp_mib snmp6_ipstats_list[] = {
	SNMP_MIB_ITEM("Ip6InReceives", IPSTATS_MIB_INPKTS), /*mib:ip6*/
	SNMP_MIB_ITEM("Ip6InOctets", IPSTATS_MIB_INOCTETS),
	SNMP_MIB_SENTINEL
};

static const struct snmp_mib snmp6_udp6_list[] = {
	SNMP_MIB_ITEM("Udp6InDatagrams", UDP_MIB_INDATAGRAMS),
	SNMP_MIB_ITEM("Udp6NoPorts", UDP_MIB_NOPORTS),
	SNMP_MIB_SENTINEL
};

/* Prints a table's names and values, one pair a line, with no heading. */
static void snmp6_seq_show_item(struct seq_file *seq, struct mib_block *mib, const struct snmp_mib *itemlist)
{
	int i;

	for (i = 0; itemlist[i].name; i++)
		seq_printf(seq, "%-32s\t%lu\n", itemlist[i].name, mib->mibs[itemlist[i].entry]);
}

static int snmp6_seq_show(struct seq_file *seq, void *v)
{
	snmp6_seq_show_item(seq, &init_net.mib.ipv6_statistics, snmp6_ipstats_list); /*proc:ip6-mib*/
	snmp6_seq_show_item(seq, &init_net.mib.udp_stats_in6, snmp6_udp6_list);
	return 0;
}

void *proc_create_net_single(const char *name, int mode, void *parent, int (*show)(struct seq_file *, void *),
			     void *data);

static int ipv6_proc_init_net(struct net *net)
{
	proc_create_net_single("snmp6", 0444, NULL, snmp6_seq_show, NULL); /*proc:snmp6*/
	return 0;
}
