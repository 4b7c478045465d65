#undef TRACE_SYSTEM
#define TRACE_SYSTEM net

#ifndef SIM_TRACE_NET_H
#define SIM_TRACE_NET_H

struct sk_buff;

/* Stands in for TRACE_EVENT: defines trace_<name>() as a static inline function. */
#define SIM_TRACE_EVENT(name) \
	static inline void trace_##name(struct sk_buff *skb) { (void)skb; }

SIM_TRACE_EVENT(net_dev_queue)
SIM_TRACE_EVENT(net_dev_xmit)
SIM_TRACE_EVENT(netif_rx)
SIM_TRACE_EVENT(netif_receive_skb)

#endif
