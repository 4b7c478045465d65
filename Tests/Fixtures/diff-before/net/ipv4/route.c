#include <linux/skbuff.h>

int ip_output(struct sk_buff *skb);

/* Every route sends through ip_output. */
struct dst_entry ipv4_dst = {
	.output = ip_output, /*ipv4_dst:designated*/
};
