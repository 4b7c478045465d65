import Foundation
import KwalkGraph

/// A simulation's result: the scenario, the legs it walked and the events it predicts.
public struct SimTrace: Hashable, Codable, Sendable {
  public var scenario: Scenario
  /// The indexed kernel (`6.1.192`).
  public var kernel: String
  public var send: PacketPath
  public var receive: PacketPath
  /// The reply's send and receive legs, when the receiver's kernel answers (`icmp-echo`); empty otherwise.
  public var replyLegs: [PacketPath] = []
  public var skbs: [SimSkb]
  public var events: [SimEvent]
}
