#include <linux/netdevice.h>

struct seq_operations {
	int (*show)(struct seq_file *m, void *v);
};

static int softnet_seq_show(struct seq_file *seq, void *v)
{
	struct softnet_data *sd = v;

	seq_printf(seq, "%08x %08x %08x %08x\n", sd->processed, sd->dropped, sd->time_squeeze, 0); /*softnet:columns*/
	return 0;
}

static const struct seq_operations softnet_seq_ops = {
	.show = softnet_seq_show,
};

void *proc_create_seq(const char *name, int mode, void *parent, const struct seq_operations *ops);

static int dev_proc_net_init(void)
{
	proc_create_seq("softnet_stat", 0444, NULL, &softnet_seq_ops); /*proc:softnet*/
	return 0;
}
