/// The `#if` nesting of a C file, line by line, reduced to the `CONFIG_` symbols each line depends on.
///
/// `#ifdef CONFIG_RPS` puts `CONFIG_RPS` on every line up to its `#else`; after the `#else` the lines depend on
/// `!CONFIG_RPS`. Conditions that name no config symbol (include guards, `__KERNEL__`) add nothing.
public struct ConditionalBlocks: Sendable {
  /// For each 1-based line (index line-1), the config conditions in force, outermost first.
  private let perLine: [[String]]

  public init(text: SourceText) {
    var stack: [[String]] = []  // conditions contributed by each open #if
    var lines: [[String]] = []
    lines.reserveCapacity(text.lineCount)
    var pending = ""  // a directive continued with backslashes
    for n in 1...max(1, text.lineCount) {
      lines.append(stack.flatMap { $0 })
      var raw = text.line(n)
      if !pending.isEmpty {
        raw = pending + " " + raw
        pending = ""
      }
      if raw.hasSuffix("\\") {
        pending = String(raw.dropLast())
        continue
      }
      let t = raw.drop(while: { $0 == " " || $0 == "\t" })
      guard t.hasPrefix("#") else { continue }
      let directive = t.dropFirst().drop(while: { $0 == " " || $0 == "\t" })
      let word = directive.prefix(while: { $0.isLetter })
      let rest = String(directive.dropFirst(word.count))
      switch word {
      case "if", "ifdef":
        stack.append(Self.symbols(in: rest).map { $0 })
      case "ifndef":
        stack.append(Self.symbols(in: rest).map { "!" + $0 })
      case "elif":
        let previous = stack.popLast() ?? []
        stack.append(previous.map(Self.negated) + Self.symbols(in: rest))
      case "else":
        let previous = stack.popLast() ?? []
        stack.append(previous.map(Self.negated))
      case "endif":
        _ = stack.popLast()
      default:
        break
      }
    }
    perLine = lines
  }

  /// The conditions in force on 1-based `line`, deduplicated in order.
  public func conditions(atLine line: Int) -> [String] {
    guard line >= 1, line <= perLine.count else { return [] }
    var seen: Set<String> = []
    return perLine[line - 1].filter { seen.insert($0).inserted }
  }

  private static func negated(_ s: String) -> String { s.hasPrefix("!") ? String(s.dropFirst()) : "!" + s }

  /// `CONFIG_` identifiers in a condition; `!defined(CONFIG_X)` and `!IS_ENABLED(CONFIG_X)` give `!CONFIG_X`.
  static func symbols(in condition: String) -> [String] {
    var out: [String] = []
    let bytes = Array(condition.utf8)
    var i = 0
    while i < bytes.count {
      if SourceText.isIdentifierByte(bytes[i]) {
        var j = i
        while j < bytes.count, SourceText.isIdentifierByte(bytes[j]) { j += 1 }
        let word = String(decoding: bytes[i..<j], as: UTF8.self)
        if word.hasPrefix("CONFIG_") {
          // Look back for a `!` before this symbol or before the defined/IS_ENABLED wrapper around it.
          var k = i - 1
          while k >= 0, bytes[k] == 0x20 || bytes[k] == 0x28 { k -= 1 }
          var negate = k >= 0 && bytes[k] == UInt8(ascii: "!")
          if !negate, k >= 0, SourceText.isIdentifierByte(bytes[k]) {
            var m = k
            while m >= 0, SourceText.isIdentifierByte(bytes[m]) { m -= 1 }
            var p = m
            while p >= 0, bytes[p] == 0x20 || bytes[p] == 0x28 { p -= 1 }
            negate = p >= 0 && bytes[p] == UInt8(ascii: "!")
          }
          out.append(negate ? "!" + word : word)
        }
        i = j
      } else {
        i += 1
      }
    }
    return out
  }
}
