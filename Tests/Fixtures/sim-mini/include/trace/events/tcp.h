#undef TRACE_SYSTEM
#define TRACE_SYSTEM tcp

#ifndef SIM_TRACE_TCP_H
#define SIM_TRACE_TCP_H

struct sock;
struct sk_buff;

static inline void trace_tcp_probe(struct sock *sk, struct sk_buff *skb) { (void)sk; (void)skb; }
static inline void trace_tcp_bad_csum(struct sk_buff *skb) { (void)skb; }

#endif
