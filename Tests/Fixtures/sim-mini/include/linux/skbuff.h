#ifndef SIM_SKBUFF_H
#define SIM_SKBUFF_H

struct net_device;
struct sock;

struct sk_buff {
	struct sk_buff *next;
	unsigned int len;
	unsigned int network_header_len;
	struct net_device *dev;
	struct sock *sk;
	int is_tcp;
	int csum_bad;
};

struct sk_buff_head {
	struct sk_buff *next;
	unsigned int qlen;
};

struct iphdr { unsigned char b[20]; };
struct udphdr { unsigned char b[8]; };

void *skb_push(struct sk_buff *skb, unsigned int len);

static inline void *__skb_push(struct sk_buff *skb, unsigned int len)
{
	skb->len += len;
	return skb;
}

static inline void *__skb_pull(struct sk_buff *skb, unsigned int len)
{
	skb->len -= len;
	return skb;
}

static inline unsigned int skb_network_header_len(const struct sk_buff *skb)
{
	return skb->network_header_len;
}

static inline void __skb_queue_tail(struct sk_buff_head *list, struct sk_buff *skb)
{
	skb->next = list->next;
	list->next = skb;
	list->qlen++;
}

static inline struct sk_buff *__skb_dequeue(struct sk_buff_head *list)
{
	struct sk_buff *skb = list->next;
	if (skb) {
		list->next = skb->next;
		list->qlen--;
	}
	return skb;
}

static inline void skb_queue_splice_tail_init(struct sk_buff_head *list, struct sk_buff_head *head)
{
	head->next = list->next;
	head->qlen += list->qlen;
	list->next = 0;
	list->qlen = 0;
}

#endif
