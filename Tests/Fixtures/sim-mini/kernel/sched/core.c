#include <linux/cleanup.h>
#include <linux/wait.h>
#include <trace/events/sched.h>

struct task_struct *current_task;

static int ttwu_state_match(struct task_struct *p, int state)
{
	return p->state == state;
}

static void enqueue_task(struct task_struct *p)
{
	p->on_rq = 1;
}

static void ttwu_do_wakeup(struct task_struct *p)
{
	p->state = 0;
	trace_sched_wakeup(p); /*sched_wakeup:site*/

	/*
	 * The wake-up is done: the task is runnable. What follows is
	 * bookkeeping, in a call the neighbour rule cannot reach from the
	 * tracepoint above, so only the index's own placement of the
	 * trace_sched_wakeup() call puts it on the main line.
	 */
	enqueue_task(p);
}

static void ttwu_do_activate(struct task_struct *p)
{
	enqueue_task(p);
	ttwu_do_wakeup(p);
}

static int ttwu_queue_wakelist(struct task_struct *p)
{
	return p->on_rq > 1;
}

static void ttwu_queue(struct task_struct *p)
{
	if (ttwu_queue_wakelist(p))
		return;
	ttwu_do_activate(p);
}

int try_to_wake_up(struct task_struct *p, int state)
{
	if (p == current_task) {
		if (!ttwu_state_match(p, state))
			return 0;
		trace_sched_waking(p); /*current sched_waking*/
		trace_sched_wakeup(p); /*current sched_wakeup*/
		return 1;
	}

	scoped_guard (raw_spinlock_irqsave, &p->pi_lock) {
		if (!ttwu_state_match(p, state))
			break;

		trace_sched_waking(p); /*sched_waking:site*/

		/*
		 * A comment as long as the kernel's, so that no call follows
		 * the tracepoint closely: the site sits between two calls of
		 * the same block, the scoped_guard's body, which decides
		 * nothing once the lock is taken.
		 */
		ttwu_queue(p);
	}
	return 1;
}

int default_wake_function(struct wait_queue_entry *wq_entry, int mode)
{
	return try_to_wake_up(wq_entry->private, mode);
}
