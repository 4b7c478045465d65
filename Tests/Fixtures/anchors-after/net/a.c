/* Anchor fixture, after: lines inserted above alpha, beta moved to b.c, gamma's call reworded, delta deleted,
 * epsilon's statement duplicated, and zeta's branches swapped around its context.
 */
struct sk_buff { int len; int mark; };

int helper_one(struct sk_buff *skb);
int helper_two(struct sk_buff *skb, int flags);
int helper_three(struct sk_buff *skb);

static int added_above(struct sk_buff *skb)
{
	return skb->mark;
}

int alpha(struct sk_buff *skb)
{
	int x;

	x = helper_one(skb);
	return x;
}

int gamma(struct sk_buff *skb)
{
	int err;

	err = helper_two(skb, skb->mark, 0);
	if (err)
		return err;
	return 0;
}

int epsilon(struct sk_buff *skb)
{
	skb->mark = helper_one(skb);
	if (skb->len)
		skb->mark = helper_one(skb);
	return 0;
}

int zeta(struct sk_buff *skb)
{
	if (!skb->mark)
		return 1;
	if (skb->len)
		helper_three(skb);
	else
		helper_three(skb);
	return 0;
}
