/* Anchor fixture, after: beta now lives here. */
struct sk_buff { int len; int mark; };

int helper_three(struct sk_buff *skb);

int beta(struct sk_buff *skb)
{
	return helper_three(skb);
}
