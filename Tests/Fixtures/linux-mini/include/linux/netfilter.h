#ifndef MINI_NETFILTER_H
#define MINI_NETFILTER_H

struct sk_buff;

/* An inline function with a function-typed parameter, not a macro. */
static inline int NF_HOOK(int pf, struct sk_buff *skb, int (*okfn)(struct sk_buff *))
{
	(void)pf;
	return okfn(skb); /*okfn:pointer*/
}

#endif
