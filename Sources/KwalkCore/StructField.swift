import Foundation

/// A field of a struct type, the thing a function pointer is read from: `net_device_ops.ndo_start_xmit`. An element of
/// a global array of function pointers is the array's field `[]` (`arrayElement`), with the array's name as the
/// struct name: `sys_call_table[]`, which a call `sys_call_table[unr](regs)` reads and each entry of the array's
/// initializer binds.
public struct StructField: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
  /// The struct's tag (`net_device_ops`).
  public var structName: String
  /// The field (`ndo_start_xmit`).
  public var field: String

  public init(structName: String, field: String) {
    self.structName = structName
    self.field = field
  }

  /// The field name that stands for any element of a global array (`sys_call_table[]`).
  public static let arrayElement = "[]"

  /// Parses `struct net_device_ops.ndo_start_xmit`, `net_device_ops.ndo_start_xmit` or `sys_call_table[]`.
  public init?(parsing text: String) {
    var t = text.trimmingCharacters(in: .whitespaces)
    if t.hasSuffix(Self.arrayElement), !t.hasPrefix("struct ") {
      let name = t.dropLast(Self.arrayElement.count)
      guard !name.isEmpty, !name.contains("."), !name.contains(" ") else { return nil }
      self.init(structName: String(name), field: Self.arrayElement)
      return
    }
    if t.hasPrefix("struct ") { t.removeFirst("struct ".count) }
    let parts = t.split(separator: ".")
    guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
    self.init(structName: String(parts[0]), field: String(parts[1]))
  }

  /// `net_device_ops.ndo_start_xmit`; `sys_call_table[]` for an array's elements.
  public var description: String { field == Self.arrayElement ? structName + field : "\(structName).\(field)" }

  public static func < (a: StructField, b: StructField) -> Bool { (a.structName, a.field) < (b.structName, b.field) }
}
