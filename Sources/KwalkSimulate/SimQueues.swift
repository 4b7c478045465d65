import Foundation

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
