#include <linux/netdevice.h>
#include <net/net_namespace.h>

static const struct snmp_mib snmp4_ipstats_list[] = {
	SNMP_MIB_ITEM("InReceives", IPSTATS_MIB_INPKTS), /*mib:ip*/
	SNMP_MIB_ITEM("InHdrErrors", IPSTATS_MIB_INHDRERRORS),
	SNMP_MIB_ITEM("InDelivers", IPSTATS_MIB_INDELIVERS),
	SNMP_MIB_SENTINEL
};

static const struct snmp_mib snmp4_tcp_list[] = {
	SNMP_MIB_ITEM("InSegs", TCP_MIB_INSEGS),
	SNMP_MIB_ITEM("InErrs", TCP_MIB_INERRS),
	SNMP_MIB_SENTINEL
};

static const struct snmp_mib snmp4_udp_list[] = {
	SNMP_MIB_ITEM("InDatagrams", UDP_MIB_INDATAGRAMS),
	SNMP_MIB_SENTINEL
};

/* Sums a table's counters: it walks the names before the caller prints the table's heading. */
#define snmp_get_cpu_field_batch(buff, stats_list) \
	for (i = 0; stats_list[i].name; i++) \
		buff[i] += i

static const struct snmp_mib snmp4_net_list[] = {
	SNMP_MIB_ITEM("TCPBacklogDrop", LINUX_MIB_TCPBACKLOGDROP),
	SNMP_MIB_SENTINEL
};

/* Sums the MIB's counters a table names: the call names the table and the MIB it is printed for. */
static void snmp_fold(unsigned long *buff, const struct snmp_mib *list, struct mib_block *mib)
{
	int i;

	for (i = 0; list[i].name; i++)
		buff[i] = mib->mibs[list[i].entry];
}

static void show_ip(struct seq_file *seq)
{
	int i;
	unsigned long buff[4] = {0};

	seq_puts(seq, "Ip: Forwarding DefaultTTL");
	for (i = 0; snmp4_ipstats_list[i].name; i++)
		seq_printf(seq, " %s", snmp4_ipstats_list[i].name);
	snmp_fold(buff, snmp4_ipstats_list, &init_net.mib.ip_statistics); /*proc:ip-mib*/
}

static void show_tcp(struct seq_file *seq)
{
	int i;

	unsigned long buff[4] = {0};

	seq_puts(seq, "\nTcp:");
	for (i = 0; snmp4_tcp_list[i].name; i++)
		seq_printf(seq, " %s", snmp4_tcp_list[i].name);
	snmp_get_cpu_field_batch(buff, snmp4_udp_list);
	seq_puts(seq, "\nUdp:");
	for (i = 0; snmp4_udp_list[i].name; i++)
		seq_printf(seq, " %s", snmp4_udp_list[i].name);
}

static int snmp_seq_show(struct seq_file *seq, void *v)
{
	show_ip(seq);
	show_tcp(seq);
	return 0;
}

static int netstat_seq_show(struct seq_file *seq, void *v)
{
	int i;

	seq_puts(seq, "TcpExt:");
	for (i = 0; snmp4_net_list[i].name; i++)
		seq_printf(seq, " %s", snmp4_net_list[i].name);
	return 0;
}

void *proc_create_net_single(const char *name, int mode, void *parent, int (*show)(struct seq_file *, void *),
			     void *data);

static int ip_proc_init_net(struct net *net)
{
	proc_create_net_single("snmp", 0444, NULL, snmp_seq_show, NULL); /*proc:snmp*/
	proc_create_net_single("netstat", 0444, NULL, netstat_seq_show, NULL);
	return 0;
}
