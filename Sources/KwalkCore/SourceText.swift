import Foundation

/// The bytes of one source file with a line table, for slicing by offset and line.
public final class SourceText: @unchecked Sendable {
  /// The file's bytes.
  public let bytes: [UInt8]
  /// Offset of the first byte of each line; `lineStarts[0] == 0`.
  public let lineStarts: [Int]

  public init(bytes: [UInt8]) {
    self.bytes = bytes
    var starts = [0]
    for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") { starts.append(i + 1) }
    lineStarts = starts
  }

  public convenience init(string: String) { self.init(bytes: Array(string.utf8)) }

  /// Reads a file; nil when it cannot be read.
  public convenience init?(contentsOfFile path: String) {
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    self.init(bytes: [UInt8](data))
  }

  /// Number of lines.
  public var lineCount: Int { bytes.last == UInt8(ascii: "\n") ? lineStarts.count - 1 : lineStarts.count }

  /// The text of 1-based `line`, without its newline.
  public func line(_ line: Int) -> String {
    guard line >= 1, line <= lineStarts.count else { return "" }
    let start = lineStarts[line - 1]
    var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
    if end < start { end = start }
    return String(decoding: bytes[start..<end], as: UTF8.self)
  }

  /// The 1-based line holding byte `offset`.
  public func lineNumber(atOffset offset: Int) -> Int {
    var lo = 0
    var hi = lineStarts.count - 1
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
    }
    return lo + 1
  }

  /// Bytes `range` as a string (clamped).
  public func text(_ range: Range<Int>) -> String {
    let lo = max(0, min(range.lowerBound, bytes.count))
    let hi = max(lo, min(range.upperBound, bytes.count))
    return String(decoding: bytes[lo..<hi], as: UTF8.self)
  }

  /// The identifier starting at `offset`, or "".
  public func identifier(at offset: Int) -> String {
    var end = offset
    while end < bytes.count, Self.isIdentifierByte(bytes[end]) { end += 1 }
    return text(offset..<end)
  }

  /// The offset just past the parenthesized group that starts at the first `(` at or after `offset` (skipping
  /// only spaces), or nil when no `(` follows.
  public func endOfParenthesizedGroup(from offset: Int) -> Int? {
    var i = offset
    while i < bytes.count, Self.isSpace(bytes[i]) { i += 1 }
    guard i < bytes.count, bytes[i] == UInt8(ascii: "(") else { return nil }
    var depth = 0
    while i < bytes.count {
      switch bytes[i] {
      case UInt8(ascii: "("): depth += 1
      case UInt8(ascii: ")"):
        depth -= 1
        if depth == 0 { return i + 1 }
      case UInt8(ascii: "\""), UInt8(ascii: "'"):
        let quote = bytes[i]
        i += 1
        while i < bytes.count, bytes[i] != quote {
          if bytes[i] == UInt8(ascii: "\\") { i += 1 }
          i += 1
        }
      default: break
      }
      i += 1
    }
    return nil
  }

  public static func isIdentifierByte(_ b: UInt8) -> Bool {
    (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b == 0x5f
  }

  public static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0a || b == 0x0d || b == 0x0c }

  /// Collapses runs of white space to one space and trims the ends.
  public static func foldingWhitespace(_ s: String) -> String {
    s.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).joined(separator: " ")
  }
}
