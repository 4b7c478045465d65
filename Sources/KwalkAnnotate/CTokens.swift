/// C source as a list of tokens with their lines: what anchors are compared by, so that white space, line breaks
/// and comments never matter. Identifiers, numbers and literals are one token; punctuation is one character each.
public struct CTokens: Sendable {
  /// One token.
  public struct Token: Hashable, Sendable {
    public var text: String
    /// 1-based line in the file the text came from.
    public var line: Int
  }

  public var tokens: [Token]

  /// Tokenizes `text`, whose first line is line `firstLine` of its file.
  public init(_ text: String, firstLine: Int = 1) {
    var out: [Token] = []
    let b = Array(text.utf8)
    var i = 0
    var line = firstLine
    func isWord(_ c: UInt8) -> Bool {
      (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c == 0x5f
    }
    while i < b.count {
      let c = b[i]
      if c == 0x0a {
        line += 1
        i += 1
      } else if c == 0x20 || c == 0x09 || c == 0x0d || c == 0x0c || c == 0x5c /* line continuation */ {
        i += 1
      } else if c == 0x2f, i + 1 < b.count, b[i + 1] == 0x2f {
        while i < b.count, b[i] != 0x0a { i += 1 }
      } else if c == 0x2f, i + 1 < b.count, b[i + 1] == 0x2a {
        i += 2
        while i < b.count, !(b[i] == 0x2a && i + 1 < b.count && b[i + 1] == 0x2f) {
          if b[i] == 0x0a { line += 1 }
          i += 1
        }
        i += 2
      } else if c == 0x22 || c == 0x27 {
        let start = i
        i += 1
        while i < b.count, b[i] != c, b[i] != 0x0a {
          if b[i] == 0x5c { i += 1 }
          i += 1
        }
        i = min(i + 1, b.count)
        out.append(Token(text: String(decoding: b[start..<i], as: UTF8.self), line: line))
      } else if isWord(c) {
        let start = i
        while i < b.count, isWord(b[i]) { i += 1 }
        out.append(Token(text: String(decoding: b[start..<i], as: UTF8.self), line: line))
      } else {
        out.append(Token(text: String(decoding: b[i..<i + 1], as: UTF8.self), line: line))
        i += 1
      }
    }
    tokens = out
  }

  /// The token texts.
  public var texts: [String] { tokens.map(\.text) }

  /// The tokens joined by single spaces: the folded form shown in reports.
  public var folded: String { texts.joined(separator: " ") }
}

extension Array where Element: Equatable {
  /// Start indices where `needle` occurs, overlapping occurrences included.
  func occurrences(of needle: [Element]) -> [Int] {
    guard !needle.isEmpty, needle.count <= count else { return [] }
    return (0...(count - needle.count)).filter { start in
      var k = 0
      while k < needle.count, self[start + k] == needle[k] { k += 1 }
      return k == needle.count
    }
  }

  func containsSubsequence(_ needle: [Element]) -> Bool { !occurrences(of: needle).isEmpty }
}
