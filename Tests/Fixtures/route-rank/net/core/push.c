/* A send loop: push early when forced, else push once after the loop (see README.md). */
#include <linux/compiler.h>

static int forced_push(int copied) { return copied > 3; }

void push_pending_frames(int copied) { (void)copied; }

static inline void push(int copied) { push_pending_frames(copied); }

void sendmsg_locked(int len) {
  int copied = 0;
  while (len > 0) {
    copied++;
    len--;
    if (forced_push(copied))
      push_pending_frames(copied);
  }
  if (copied)
    push(copied);
}
