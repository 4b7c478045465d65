#undef TRACE_SYSTEM
#define TRACE_SYSTEM skb

#ifndef SIM_TRACE_SKB_H
#define SIM_TRACE_SKB_H

struct sk_buff;

static inline void trace_kfree_skb(struct sk_buff *skb) { (void)skb; }

#endif
