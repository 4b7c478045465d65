/* Built inside build_utility.c: a wake-up through a wait queue entry's callback. */
struct wait_queue_entry {
  int (*func)(struct wait_queue_entry *wq_entry, int mode);
};

int default_wake_function(struct wait_queue_entry *wq_entry, int mode) { return mode + (wq_entry != 0); }

int wake_up_common(struct wait_queue_entry *curr, int mode) { return curr->func(curr, mode); }
