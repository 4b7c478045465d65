/// What every harness checks beyond "does not crash": a parser may reject its input, but only with one line that
/// says which file and which line, because that line is all `kwalk: error:` shows the user.
public enum FuzzOracle {
  /// The fuzzer's bytes as the command line reads a file: invalid UTF-8 becomes U+FFFD, as `String(decoding:)` does.
  public static func text(_ start: UnsafePointer<UInt8>?, _ count: Int) -> String {
    String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
  }

  /// The number of lines an editor shows for `text`: one more than its `\n` bytes.
  public static func lineCount(_ text: String) -> Int {
    text.utf8.reduce(1) { $1 == 0x0a ? $0 + 1 : $0 }
  }

  /// Traps unless `error` reads `<source>:<line>: …` on one line, with `line` one of `text`'s lines.
  /// `wholeFile` is the exact description of an error that is about the whole file and so has no line; the trace
  /// parser has one (see fuzz-trace).
  public static func check(_ error: any Error, source: String, text: String, wholeFile: String? = nil) {
    let description = "\(error)"
    if description.contains(where: \.isNewline) || description.unicodeScalars.contains(where: isLineBreak) {
      fail("the error is more than one line", description)
    }
    if let wholeFile, description == wholeFile { return }
    guard description.hasPrefix(source + ":") else { fail("the error does not start with '\(source):'", description) }
    let rest = description.dropFirst(source.count + 1)
    let digits = rest.prefix(while: \.isASCII).prefix(while: \.isNumber)
    guard let line = Int(digits), rest.dropFirst(digits.count).hasPrefix(": ") else {
      fail("the error does not name a line as '\(source):<line>: '", description)
    }
    checkLines([(line, description)], in: text)
  }

  /// Traps unless every line of `lines` is one of `text`'s lines: a result or error that points past the end points
  /// nowhere. `what` names what pointed there. (One count for all: counting per line would make the harness, not
  /// the parser, quadratic in the input.)
  public static func checkLines(_ lines: [(line: Int, what: String)], in text: String) {
    guard !lines.isEmpty else { return }
    let count = lineCount(text)
    for (line, what) in lines where !(1...count).contains(line) { fail("line \(line) is not in 1...\(count)", what) }
  }

  /// Line breaks that `Character.isNewline` can miss inside a grapheme cluster (a `\r` followed by a combining
  /// mark is one Character that is not a newline, but a terminal still returns the carriage).
  static func isLineBreak(_ s: Unicode.Scalar) -> Bool {
    ["\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"].contains(s)
  }

  /// Reports a broken rule as a crash, which is what libFuzzer records: the input is saved as an artifact.
  static func fail(_ rule: String, _ description: String) -> Never {
    fatalError("\(rule): \(description.debugDescription)")
  }
}
