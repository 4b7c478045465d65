/* A receive function with an error branch that happens to call the deliver function directly (see README.md). */
#include <linux/compiler.h>

int check(int x) { return x < 0; }

void local_deliver(int x) { (void)x; }

void deliver_finish(int x) { local_deliver(x); }

void rcv(int x) {
  int err = check(x);
  if (unlikely(err)) {
    local_deliver(-x);
    return;
  }
  deliver_finish(x);
}
