#ifndef MINI_SYSCTL_H
#define MINI_SYSCTL_H
struct net;
struct ctl_table {
	const char *procname;
	void *data;
	int maxlen;
	int mode;
};
void *register_net_sysctl(struct net *net, const char *path, struct ctl_table *table);
#endif
