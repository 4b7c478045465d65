/// The tracepoints `kwalk trace` records: every event of the systems a packet's journey passes through (`net`,
/// `napi`, `skb`, `sock`, `tcp`, `udp`), the softirq events of NET_RX, and the scheduler's wake-up of the reader.
/// A whole system is written `system:*`; which events it holds is the running kernel's business.
public enum JourneyEvents {
  public static let recorded = [
    "irq:softirq_entry", "irq:softirq_exit", "irq:softirq_raise", "napi:*", "net:*", "sched:sched_wakeup",
    "sched:sched_waking", "skb:*", "sock:*", "tcp:*", "udp:*",
  ]

  /// The filter an event is recorded with: NET_RX only (vector 3, `NET_RX_SOFTIRQ` in `enum softirq_nums`) for the
  /// softirq events; for the scheduler's, the reader thread only (`BlockedReader.threadName`), since every task on
  /// the machine is woken all the time.
  public static func filter(system: String) -> String? {
    switch system {
    case "irq": return "vec == 3"
    case "sched": return "comm == \"\(BlockedReader.threadName)\""
    default: return nil
    }
  }
}
