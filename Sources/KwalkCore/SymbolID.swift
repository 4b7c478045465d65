/// The identity of a function or variable: libclang's USR (`c:@F@ip_output`; static functions carry their file,
/// `c:dev.c@F@process_backlog`).
public struct SymbolID: Hashable, Comparable, Codable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
  /// The USR text.
  public var usr: String

  public init(_ usr: String) { self.usr = usr }
  public init(stringLiteral value: String) { self.usr = value }

  public var description: String { usr }

  public static func < (lhs: SymbolID, rhs: SymbolID) -> Bool { lhs.usr < rhs.usr }

  public init(from decoder: Decoder) throws { usr = try decoder.singleValueContainer().decode(String.self) }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.singleValueContainer()
    try c.encode(usr)
  }
}
