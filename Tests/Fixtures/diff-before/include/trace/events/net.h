#undef TRACE_SYSTEM
#define TRACE_SYSTEM net

#ifndef MINI_TRACE_NET_H
#define MINI_TRACE_NET_H

struct sk_buff;

/* Stands in for TRACE_EVENT: defines trace_<name>() as a static inline function. */
#define MINI_TRACE_EVENT(name) \
	static inline void trace_##name(struct sk_buff *skb) { (void)skb; }

MINI_TRACE_EVENT(net_dev_queue)
MINI_TRACE_EVENT(net_dev_xmit)
MINI_TRACE_EVENT(netif_rx)

#endif
