import Foundation

/// A field of a struct type, the thing a function pointer is read from: `net_device_ops.ndo_start_xmit`.
public struct StructField: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
  /// The struct's tag (`net_device_ops`).
  public var structName: String
  /// The field (`ndo_start_xmit`).
  public var field: String

  public init(structName: String, field: String) {
    self.structName = structName
    self.field = field
  }

  /// Parses `struct net_device_ops.ndo_start_xmit` or `net_device_ops.ndo_start_xmit`.
  public init?(parsing text: String) {
    var t = text.trimmingCharacters(in: .whitespaces)
    if t.hasPrefix("struct ") { t.removeFirst("struct ".count) }
    let parts = t.split(separator: ".")
    guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
    self.init(structName: String(parts[0]), field: String(parts[1]))
  }

  /// `net_device_ops.ndo_start_xmit`.
  public var description: String { "\(structName).\(field)" }

  public static func < (a: StructField, b: StructField) -> Bool { (a.structName, a.field) < (b.structName, b.field) }
}
