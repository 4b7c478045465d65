import Foundation

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
