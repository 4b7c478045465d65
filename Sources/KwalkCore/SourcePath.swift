/// A path relative to the top of a kernel source tree, such as `net/core/dev.c`.
///
/// Files that kbuild generates in its output directory are prefixed with `O/` (`O/include/generated/autoconf.h`).
public struct SourcePath: Hashable, Comparable, Codable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
  /// The tree-relative path, with `/` separators and no leading `./`.
  public var value: String

  public init(_ value: String) {
    var v = value
    while v.hasPrefix("./") { v.removeFirst(2) }
    self.value = v
  }

  public init(stringLiteral value: String) { self.init(value) }

  public var description: String { value }

  /// The directory part (`net/core` for `net/core/dev.c`).
  public var directory: String {
    guard let slash = value.lastIndex(of: "/") else { return "" }
    return String(value[..<slash])
  }

  /// The last component (`dev.c`).
  public var fileName: String {
    guard let slash = value.lastIndex(of: "/") else { return value }
    return String(value[value.index(after: slash)...])
  }

  public static func < (lhs: SourcePath, rhs: SourcePath) -> Bool { lhs.value < rhs.value }

  public init(from decoder: Decoder) throws {
    self.init(try decoder.singleValueContainer().decode(String.self))
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.singleValueContainer()
    try c.encode(value)
  }
}
