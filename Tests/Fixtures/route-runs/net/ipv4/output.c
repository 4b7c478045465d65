#include <linux/rcupdate.h>

int dev_queue_xmit(int len);

/* Takes and drops the lock in its own body: its caller's bottom halves are as they were. */
void lock_sock(void) {
  local_bh_disable();
  local_bh_enable();
}

void release_sock(void) {
  local_bh_disable();
  local_bh_enable();
}

int finish_output2(int len) {
  int res;
  rcu_read_lock();
  res = dev_queue_xmit(len);
  rcu_read_unlock();
  return res;
}

int finish_output2_nested(int len) {
  rcu_read_lock_bh();
  if (len) {
    int res = dev_queue_xmit(len);
    rcu_read_unlock_bh();
    return res;
  }
  rcu_read_unlock_bh();
  return -1;
}

int sendmsg(int len) {
  int rc;
  lock_sock();
  rc = finish_output2(len);
  release_sock();
  return rc;
}

int sendmsg_nested(int len) {
  int rc;
  lock_sock();
  rc = finish_output2_nested(len);
  release_sock();
  return rc;
}
