/* Anchor fixture, before: every function as first written. */
struct sk_buff { int len; int mark; };

int helper_one(struct sk_buff *skb);
int helper_two(struct sk_buff *skb, int flags);
int helper_three(struct sk_buff *skb);

int alpha(struct sk_buff *skb)
{
	int x;

	x = helper_one(skb);
	return x;
}

int beta(struct sk_buff *skb)
{
	return helper_three(skb);
}

int gamma(struct sk_buff *skb)
{
	int err;

	err = helper_two(skb, 0);
	if (err)
		return err;
	return 0;
}

int delta(struct sk_buff *skb)
{
	return skb->len;
}

int epsilon(struct sk_buff *skb)
{
	skb->mark = helper_one(skb);
	return 0;
}

int zeta(struct sk_buff *skb)
{
	if (skb->len)
		helper_three(skb);
	else
		helper_three(skb);
	return 0;
}
