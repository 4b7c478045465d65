import KwalkCore

/// A compact text form for a call's guards (`BranchGuard`), cheaper than JSON for hundreds of thousands of rows.
/// Each guard is `<kind><hint><line>:<column>[:<path>]` then U+001F and the condition; guards are joined by U+001E.
/// Kinds `t` then, `o` otherwise, `s` switch case, `l` loop; hints `u` unlikely, `l` likely, `-` none. The path is
/// left out when it is the call's own file. The two separators are control characters that folded C text never holds.
enum GuardCoding {
  static let guardSeparator: Character = "\u{1E}"
  static let fieldSeparator: Character = "\u{1F}"

  static func encode(_ guards: [BranchGuard], callFile: SourcePath) -> String {
    guards.map { g -> String in
      let kind: String
      switch g.kind {
      case .then: kind = "t"
      case .otherwise: kind = "o"
      case .switchCase: kind = "s"
      case .loop: kind = "l"
      }
      let hint = g.hint == .unlikely ? "u" : g.hint == .likely ? "l" : "-"
      let path = g.location.path == callFile ? "" : ":" + g.location.path.value
      return "\(kind)\(hint)\(g.location.line):\(g.location.column)\(path)\(fieldSeparator)\(g.condition)"
    }.joined(separator: String(guardSeparator))
  }

  static func decode(_ text: String, callFile: SourcePath) -> [BranchGuard] {
    guard !text.isEmpty else { return [] }
    return text.split(separator: guardSeparator, omittingEmptySubsequences: false).compactMap { part in
      let fields = part.split(separator: fieldSeparator, maxSplits: 1, omittingEmptySubsequences: false)
      guard fields.count == 2, fields[0].count >= 2 else { return nil }
      let head = fields[0]
      let kind: BranchGuard.Kind
      switch head.first {
      case "t": kind = .then
      case "o": kind = .otherwise
      case "s": kind = .switchCase
      case "l": kind = .loop
      default: return nil
      }
      let hintTag = head.dropFirst().first
      let hint: BranchGuard.Hint? = hintTag == "u" ? .unlikely : hintTag == "l" ? .likely : nil
      let place = head.dropFirst(2).split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
      guard place.count >= 2, let line = Int(place[0]), let column = Int(place[1]) else { return nil }
      let path = place.count == 3 ? SourcePath(String(place[2])) : callFile
      return BranchGuard(
        kind: kind, condition: String(fields[1]), location: SourceLocation(path: path, line: line, column: column),
        hint: hint)
    }
  }
}
