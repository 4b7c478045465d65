#ifndef SIM_WAIT_H
#define SIM_WAIT_H

struct task_struct {
	int state;
	int on_rq;
	int pi_lock;
};

/* A sleeper on a wait queue and the callback that wakes it. */
struct wait_queue_entry {
	int (*func)(struct wait_queue_entry *wq_entry, int mode);
	struct task_struct *private;
};

struct wait_queue_head {
	struct wait_queue_entry *head;
};

extern struct task_struct *current_task;

void init_waitqueue_entry(struct wait_queue_entry *wq_entry, struct task_struct *p);
void __wake_up_sync_key(struct wait_queue_head *wq_head, int mode);
int default_wake_function(struct wait_queue_entry *wq_entry, int mode);
int try_to_wake_up(struct task_struct *p, int state);

#endif
