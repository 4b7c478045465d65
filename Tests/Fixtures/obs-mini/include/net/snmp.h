#ifndef MINI_SNMP_H
#define MINI_SNMP_H
/* Enumerators of the IP and TCP MIBs, and of the Linux extensions. */
enum { IPSTATS_MIB_NUM = 0, IPSTATS_MIB_INPKTS, IPSTATS_MIB_INHDRERRORS, IPSTATS_MIB_INDELIVERS,
       IPSTATS_MIB_INOCTETS, IPSTATS_MIB_MAX };
enum { TCP_MIB_NUM = 0, TCP_MIB_INSEGS, TCP_MIB_INERRS, TCP_MIB_MAX };
enum { LINUX_MIB_NUM = 0, LINUX_MIB_TCPBACKLOGDROP, LINUX_MIB_MAX };
enum { UDP_MIB_NUM = 0, UDP_MIB_INDATAGRAMS, UDP_MIB_NOPORTS, UDP_MIB_MAX };

struct snmp_mib {
	const char *name;
	int entry;
};
#define SNMP_MIB_ITEM(_name, _entry) { .name = _name, .entry = _entry, }
#define SNMP_MIB_SENTINEL { .name = NULL, .entry = 0, }

struct mib_block { unsigned long mibs[8]; };
#define SNMP_INC_STATS(mib, field) ((mib)->mibs[field]++)
#define __IP_INC_STATS(net, field) SNMP_INC_STATS(&(net)->mib.ip_statistics, field)
#define __TCP_INC_STATS(net, field) SNMP_INC_STATS(&(net)->mib.tcp_statistics, field)
/* Packets and octets in one go: the field's name is pasted with PKTS and OCTETS. */
#define __SNMP_UPD_PO_STATS(mib, basefield, addend) \
	do { \
		(mib)->mibs[basefield##PKTS]++; \
		(mib)->mibs[basefield##OCTETS] += addend; \
	} while (0)
#define __IP_UPD_PO_STATS(net, field, val) __SNMP_UPD_PO_STATS(&(net)->mib.ip_statistics, field, val)
#define NET_INC_STATS(net, field) SNMP_INC_STATS(&(net)->mib.net_statistics, field)
/* IPv6 counts the same enumerators in MIBs of its own. */
#define __IP6_UPD_PO_STATS(net, idev, field, val) __SNMP_UPD_PO_STATS(&(net)->mib.ipv6_statistics, field, val)
#define __UDP6_INC_STATS(net, field) SNMP_INC_STATS(&(net)->mib.udp_stats_in6, field)
#endif
