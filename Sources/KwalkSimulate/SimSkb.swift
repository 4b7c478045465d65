import Foundation
import KwalkGraph

/// One skb the simulation sends: its label, what it carries, and the address events print for it.
public struct SimSkb: Hashable, Codable, Sendable {
  /// `data#1`, `ack#1`, `datagram#1`.
  public var label: String
  /// `data`, `ack` or `datagram`.
  public var kind: String
  /// The address ftrace prints (`skbaddr=`), synthetic.
  public var address: String
  /// Payload bytes.
  public var payload: Int
}
