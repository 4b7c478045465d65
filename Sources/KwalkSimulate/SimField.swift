import Foundation

/// One `key=value` field an event prints, in the order ftrace prints it.
public struct SimField: Hashable, Codable, Sendable {
  public var key: String
  public var value: String
  public init(_ key: String, _ value: String) {
    self.key = key
    self.value = value
  }
}
