/* A receive function whose predicted fast path wakes the reader in one call, while other segments are queued first
 * and wake it from the queueing function (see README.md). */

void data_ready(int len) { (void)len; }

void data_queue(int len) {
  if (len > 0) {
    if (len != 3)
      data_ready(len);
  }
}

void rcv_established(int len, int predicted) {
  if (predicted) {
    if (len > 1) {
      data_ready(len);
      return;
    }
  }
  data_queue(len);
}
