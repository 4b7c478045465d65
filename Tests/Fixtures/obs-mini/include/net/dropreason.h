#ifndef MINI_DROPREASON_H
#define MINI_DROPREASON_H
struct sk_buff;
enum skb_drop_reason {
	SKB_NOT_DROPPED_YET = 0,
	SKB_CONSUMED,
	SKB_DROP_REASON_NOT_SPECIFIED,
	SKB_DROP_REASON_CPU_BACKLOG,
	SKB_DROP_REASON_IP_CSUM,
	SKB_DROP_REASON_NO_SOCKET,
};
void kfree_skb_reason(struct sk_buff *skb, enum skb_drop_reason reason);
static inline void kfree_skb(struct sk_buff *skb)
{
	kfree_skb_reason(skb, SKB_DROP_REASON_NOT_SPECIFIED);
}
#define SKB_DR_SET(name, reason) (name = SKB_DROP_REASON_##reason)
#endif
