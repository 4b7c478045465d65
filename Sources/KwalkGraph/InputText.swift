/// Text from a file a user wrote (a walkthrough spec, an annotation, `anchors.lock`, an ftrace dump), read so that
/// bad input can't hurt: lines are numbered as an editor numbers them, and whatever an error quotes back stays on
/// one short line. The parsers of KwalkGraph, KwalkAnnotate and KwalkTrace share it.
public enum InputText {
  /// The lines of `text`: split at every `\n`, a `\r` before it dropped, and a byte order mark before the first line
  /// dropped. Swift compares Characters, and `\r\n` is one Character, so `split(separator: "\n")` and
  /// `components(separatedBy: "\n")` would leave a file with Windows line ends as one long line.
  public static func lines(_ text: String) -> [String] {
    var lines = text.utf8.split(separator: 0x0a, omittingEmptySubsequences: false).map { bytes in
      String(decoding: bytes.last == 0x0d ? bytes.dropLast() : bytes, as: UTF8.self)
    }
    if lines[0].unicodeScalars.first == "\u{FEFF}" { lines[0].unicodeScalars.removeFirst() }
    return lines
  }

  /// `text` as an error may quote it: at most `limit` characters (then `…`), and every control, format or
  /// line-separator character written as an escape (`\r`, `\u{1B}`), so that the message stays one line and
  /// nothing in it can drive the terminal.
  public static func quoted(_ text: some StringProtocol, limit: Int = 60) -> String {
    var out = ""
    for c in text.prefix(limit) {
      for s in c.unicodeScalars { out += isUnsafe(s) ? escape(s) : String(s) }
    }
    return text.count > limit ? out + "…" : out
  }

  /// The first control character of `text` other than a tab (a lone `\r`, ESC, NUL, NEL), or a Unicode line or
  /// paragraph separator: in a line of a spec or a front matter these are always damage, never meaning.
  public static func firstControl(_ text: some StringProtocol) -> Unicode.Scalar? {
    text.unicodeScalars.first { s in
      switch s.properties.generalCategory {
      case .control: return s != "\t"
      case .lineSeparator, .paragraphSeparator: return true
      default: return false
      }
    }
  }

  /// The reason an error gives for a line that `firstControl` rejects.
  public static func controlReason(_ s: Unicode.Scalar) -> String {
    "the line holds the control character \(escape(s))"
  }

  /// A file's name as an error shows it: whole, but escaped like `quoted`, because a path may hold a line break too.
  public static func fileName(_ path: String) -> String { quoted(path, limit: Int.max) }

  /// A C identifier: what kwalk can look up as a function, struct or field.
  public static func isIdentifier(_ text: some StringProtocol) -> Bool {
    guard let first = text.utf8.first, !isDigit(first) else { return false }
    return text.utf8.allSatisfy { isDigit($0) || isLetter($0) || $0 == 0x5f }
  }

  /// A walkthrough name or an annotation id (`tcp-ipv4`, `tcp-ipv4.send.tcp-sendmsg`): letters, digits, `_`, `.`
  /// and `-`, not starting with `.` or `-`. These names become file names of the site and words of reports.
  public static func isName(_ text: some StringProtocol) -> Bool {
    guard let first = text.utf8.first, first != 0x2e, first != 0x2d else { return false }
    return text.utf8.allSatisfy { isDigit($0) || isLetter($0) || $0 == 0x5f || $0 == 0x2e || $0 == 0x2d }
  }

  static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
  static func isLetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) }

  /// Controls (`\r`, ESC, NEL), format characters (bidirectional overrides, zero-width ones) and the Unicode line and
  /// paragraph separators: none belongs in a one-line message.
  static func isUnsafe(_ s: Unicode.Scalar) -> Bool {
    switch s.properties.generalCategory {
    case .control, .format, .lineSeparator, .paragraphSeparator: return true
    default: return false
    }
  }

  static func escape(_ s: Unicode.Scalar) -> String {
    switch s {
    case "\t": return "\\t"
    case "\r": return "\\r"
    case "\n": return "\\n"
    default: return "\\u{" + String(s.value, radix: 16, uppercase: true) + "}"
    }
  }
}
