import Foundation

/// A JSON value, for the loosely typed Chrome trace format.
public enum ChromeTraceValue: Encodable, Hashable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
  ExpressibleByDictionaryLiteral
{
  /// A string.
  case string(String)
  /// An integer.
  case int(Int)
  /// An array.
  case array([ChromeTraceValue])
  /// An object.
  case object([String: ChromeTraceValue])

  public init(stringLiteral value: String) { self = .string(value) }
  public init(integerLiteral value: Int) { self = .int(value) }
  public init(dictionaryLiteral elements: (String, ChromeTraceValue)...) {
    self = .object(Dictionary(uniqueKeysWithValues: elements))
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.singleValueContainer()
    switch self {
    case .string(let s): try c.encode(s)
    case .int(let i): try c.encode(i)
    case .array(let a): try c.encode(a)
    case .object(let o): try c.encode(o)
    }
  }
}
