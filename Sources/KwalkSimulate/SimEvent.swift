import Foundation

/// Where a CPU runs when an event fires.
public enum SimContext: String, Codable, Sendable {
  /// A task in a system call.
  case process
  /// The NET_RX softirq.
  case softirq
}

/// One `key=value` field an event prints, in the order ftrace prints it.
public struct SimField: Hashable, Codable, Sendable {
  public var key: String
  public var value: String
  public init(_ key: String, _ value: String) {
    self.key = key
    self.value = value
  }
}

/// The queues the model tracks, each holding skb labels (`data#1`), front first.
public struct SimQueues: Hashable, Codable, Sendable {
  /// The sending socket's write queue (segments kept until ACKed).
  public var sk_write_queue: [String] = []
  /// The per-CPU backlog, filled by `enqueue_to_backlog`.
  public var input_pkt_queue: [String] = []
  /// The per-CPU backlog being processed by `process_backlog`.
  public var process_queue: [String] = []
  /// The receiving socket's receive queue.
  public var sk_receive_queue: [String] = []

  public init() {}

  /// The queue names the model knows, as the kernel's fields are named.
  public static let names = ["sk_write_queue", "input_pkt_queue", "process_queue", "sk_receive_queue"]

  subscript(name: String) -> [String] {
    get {
      switch name {
      case "sk_write_queue": return sk_write_queue
      case "input_pkt_queue": return input_pkt_queue
      case "process_queue": return process_queue
      default: return sk_receive_queue
      }
    }
    set {
      switch name {
      case "sk_write_queue": sk_write_queue = newValue
      case "input_pkt_queue": input_pkt_queue = newValue
      case "process_queue": process_queue = newValue
      default: sk_receive_queue = newValue
      }
    }
  }
}

/// One tracepoint event the simulator predicts, with the state a reader asks about when it fires.
public struct SimEvent: Hashable, Codable, Sendable {
  /// Position in the trace (0-based).
  public var index: Int
  /// Logical clock in microseconds.
  public var time: Int
  /// `net`.
  public var system: String
  /// `net_dev_queue`.
  public var name: String
  public var fields: [SimField]
  public var context: SimContext
  /// The task the CPU runs (softirqs run on the sender's task, at `local_bh_enable`).
  public var task: String
  public var pid: Int
  public var cpu: Int
  /// The skb's label (`data#1`), for skb events.
  public var skb: String?
  /// `skb->len` as printed.
  public var len: Int?
  /// `send` or `receive`.
  public var leg: String
  /// Index of the hop that entered the firing function in its leg (-1 for the leg's first function).
  public var hop: Int
  /// The function on the path whose call (or body) fires it.
  public var function: String
  /// The `trace_*` call site, when the index knows it.
  public var site: SimSite?
  /// Queue contents after the event.
  public var queues: SimQueues

  /// `system:name`.
  public var qualifiedName: String { "\(system):\(name)" }
  /// The field named `key`.
  public func field(_ key: String) -> String? { fields.first { $0.key == key }?.value }
}

/// A `trace_*` call site: file and line in the indexed tree, and the function that holds it.
public struct SimSite: Hashable, Codable, Sendable {
  public var file: String
  public var line: Int
  public var function: String
}
