/// One event line of an ftrace text trace, with the stack trace that followed it when `options/stacktrace` was on.
public struct TraceRecord: Hashable, Codable, Sendable {
  /// 1-based line in the file.
  public var line: Int
  public var task: String
  public var pid: Int
  public var cpu: Int
  /// The five latency columns (`b.s1.`): irqs-off/BH-disabled, need-resched, hardirq/softirq, preempt, migrate.
  public var flags: String
  /// Seconds, as printed.
  public var timestamp: String
  /// The event's name (`net_dev_queue`).
  public var name: String
  /// What follows `name: `.
  public var text: String
  /// `key=value` pairs of `text`, in order (`[action=NET_RX]` loses its brackets; napi_poll's prose gives `work`
  /// and `budget`).
  public var fields: [String: String]
  /// Function names of the stack, innermost first, offsets removed; empty without a stack.
  public var stack: [String]

  /// True when the CPU was serving a softirq (the third flag column is `s`).
  public var inSoftirq: Bool {
    let chars = Array(flags)
    return chars.count > 2 && chars[2] == "s"
  }

  /// `skb->len` as printed.
  public var len: Int? { fields["len"].flatMap { Int($0) } }
}
