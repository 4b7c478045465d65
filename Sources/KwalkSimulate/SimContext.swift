import Foundation

/// Where a CPU runs when an event fires.
public enum SimContext: String, Codable, Sendable {
  /// A task in a system call.
  case process
  /// The NET_RX softirq.
  case softirq
}
