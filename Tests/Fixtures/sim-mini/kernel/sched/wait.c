#include <linux/wait.h>

void init_waitqueue_entry(struct wait_queue_entry *wq_entry, struct task_struct *p)
{
	wq_entry->func = default_wake_function;
	wq_entry->private = p;
}

static void __wake_up_common(struct wait_queue_head *wq_head, int mode)
{
	struct wait_queue_entry *curr = wq_head->head;

	if (curr)
		curr->func(curr, mode);
}

void __wake_up_sync_key(struct wait_queue_head *wq_head, int mode)
{
	__wake_up_common(wq_head, mode);
}
