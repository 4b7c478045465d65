import CClang
import KwalkCore

/// The `if`, `switch` and loop statements around each call (`BranchGuard`). The walk of a body keeps the chain of
/// cursors from the body down to the one being visited (`ancestry`); a call's guards are the control statements on
/// that chain whose branch, case or loop body (not whose condition) leads to it, outermost first.
extension ExtractionWalk {
  /// One cursor on the chain from the function body to the cursor being visited. Plain values only: one is made for
  /// every cursor of every body, so what is worked out for a few of them lives in `guardNotes`.
  struct Ancestor {
    let cursor: CXCursor
    let kind: CXCursorKind
    /// Its position among its parent's children (an `if`'s then branch is 1, its else branch 2).
    let index: Int
    /// How many of its children were visited so far.
    var childrenSeen = 0
    /// Its entry in `guardNotes`, or -1.
    var note = -1
  }

  /// What was worked out about a cursor on the chain.
  struct GuardNote {
    /// In a `switch` body: the labels of the last `case` or `default` among its children, which hold for the
    /// statements after it.
    var lastLabel: String?
    /// Its condition, worked out once for all the calls it guards (`.some(nil)`: it guards nothing).
    var condition: GuardCondition??
  }

  /// A control statement's condition as a guard shows it.
  struct GuardCondition {
    var text: String
    var location: SourceLocation
  }

  /// Conditions longer than this are cut (with "…"): a guard is read in a line, not studied.
  static let guardConditionLimit = 160

  func beginGuards(body: CXCursor) {
    ancestry = [Ancestor(cursor: body, kind: c.kind(body), index: 0)]
    guardNotes = []
  }

  /// Moves the chain to `cursor` (of `kind`), whose parent is `parent`; called for every cursor of the body in
  /// visiting order, so it compares cursors by value rather than through libclang.
  func enter(_ cursor: CXCursor, kind: CXCursorKind, parent: CXCursor) {
    // The body itself never equals the parent libclang passes its statements (that cursor is made without the
    // function as its context), so the first frame is the body's by position, not by comparison.
    while ancestry.count > 1, !Self.same(ancestry[ancestry.count - 1].cursor, parent) { ancestry.removeLast() }
    let p = ancestry.count - 1
    guard p >= 0 else { return }
    let index = ancestry[p].childrenSeen
    ancestry[p].childrenSeen += 1
    if kind == CXCursor_CaseStmt || kind == CXCursor_DefaultStmt { guardNotes[note(at: p)].lastLabel = label(cursor) }
    ancestry.append(Ancestor(cursor: cursor, kind: kind, index: index))
  }

  /// The same cursor of one visit: a parent libclang passes is the very value it visited before.
  static func same(_ a: CXCursor, _ b: CXCursor) -> Bool {
    a.data.1 == b.data.1 && a.kind == b.kind && a.data.0 == b.data.0 && a.xdata == b.xdata && a.data.2 == b.data.2
  }

  /// The index in `guardNotes` of the note of the frame at `depth`, made when first needed.
  private func note(at depth: Int) -> Int {
    if ancestry[depth].note < 0 {
      ancestry[depth].note = guardNotes.count
      guardNotes.append(GuardNote())
    }
    return ancestry[depth].note
  }

  /// The guards of the cursor at the end of the chain (a call), outermost first.
  func currentGuards() -> [BranchGuard] {
    var out: [BranchGuard] = []
    guard ancestry.count > 1 else { return out }
    for i in 0..<(ancestry.count - 1) {
      let frame = ancestry[i]
      let child = ancestry[i + 1]
      let kind: BranchGuard.Kind
      var suffix = ""
      switch frame.kind {
      case CXCursor_IfStmt where child.index == 1: kind = .then
      case CXCursor_IfStmt where child.index == 2: kind = .otherwise
      case CXCursor_WhileStmt where child.index == 1: kind = .loop
      case CXCursor_DoStmt where child.index == 0: kind = .loop
      case CXCursor_ForStmt:
        // The body is the last child; the header's parts before it are there only when written. (Positions, not
        // cursors, are compared: cursors from two visits need not compare equal.)
        guard child.index == c.children(frame.cursor).count - 1 else { continue }
        kind = .loop
      case CXCursor_SwitchStmt where child.index == 1:
        let isLabel = child.kind == CXCursor_CaseStmt || child.kind == CXCursor_DefaultStmt
        let lastLabel = child.note >= 0 ? guardNotes[child.note].lastLabel : nil
        guard let label = isLabel ? label(child.cursor) : lastLabel else { continue }
        kind = .switchCase
        suffix = " / " + label
      default: continue
      }
      let n = note(at: i)
      if guardNotes[n].condition == nil { guardNotes[n].condition = .some(condition(of: frame.cursor, kind: frame.kind)) }
      guard let condition = guardNotes[n].condition ?? nil else { continue }
      out.append(
        BranchGuard(
          kind: kind, condition: Self.cut(condition.text + suffix), location: condition.location,
          hint: Self.hint(condition.text)))
    }
    return out
  }

  /// The condition of an `if`, `while`, `do`, `for` or `switch`; nil for a `do … while (0)`, which runs once.
  private func condition(of statement: CXCursor, kind: CXCursorKind) -> GuardCondition? {
    guard let span = extent(statement), let text = span.start.file.text else { return nil }
    let keyword =
      kind == CXCursor_IfStmt ? "if" : kind == CXCursor_WhileStmt ? "while" : kind == CXCursor_DoStmt ? "do"
      : kind == CXCursor_ForStmt ? "for" : "switch"
    guard text.identifier(at: span.start.offset) == keyword else {
      // Made by a macro (`list_for_each_entry(pos, head, member)`, `wait_event(wq, cond)`): its invocation is what
      // a reader sees. A macro's `do { … } while (0)` only makes it one statement.
      guard kind != CXCursor_DoStmt, let at = expansionPlace(api.clang_getCursorLocation(statement)),
        let location = at.location, let t = at.file.text
      else { return nil }
      let nameEnd = at.offset + t.identifier(at: at.offset).utf8.count
      let end = t.endOfParenthesizedGroup(from: nameEnd) ?? nameEnd
      return GuardCondition(text: SourceText.foldingWhitespace(t.text(at.offset..<end)), location: location)
    }
    if kind == CXCursor_ForStmt { return forCondition(text: text, at: span.start) }
    let kids = c.children(statement)
    if let cond = kind == CXCursor_DoStmt ? kids.last : kids.first, let written = sourceText(of: cond),
      let location = extent(cond)?.start.location
    {
      return kind == CXCursor_DoStmt && written == "0" ? nil : GuardCondition(text: written, location: location)
    }
    // A condition that does not lie in one file (it starts or ends inside a macro argument spelled elsewhere): the
    // header as written after the keyword.
    guard kind != CXCursor_DoStmt, let location = span.start.location,
      let end = text.endOfParenthesizedGroup(from: span.start.offset + keyword.utf8.count)
    else { return nil }
    return GuardCondition(text: SourceText.foldingWhitespace(text.text(span.start.offset..<end)), location: location)
  }

  /// A `for` header's condition, or the whole header (`for (;;)`) when it has none. Read from the text because the
  /// header's parts are children only when written.
  private func forCondition(text: SourceText, at start: Place) -> GuardCondition? {
    let afterKeyword = start.offset + 3
    guard let end = text.endOfParenthesizedGroup(from: afterKeyword), let path = start.file.path else { return nil }
    var i = afterKeyword
    while text.bytes[i] != UInt8(ascii: "(") { i += 1 }
    // The parts between `;` at the header's own depth.
    var semicolons: [Int] = []
    var depth = 0
    for j in (i + 1)..<(end - 1) {
      switch text.bytes[j] {
      case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
      case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
      case UInt8(ascii: ";") where depth == 0: semicolons.append(j)
      default: break
      }
    }
    if semicolons.count == 2 {
      var s = semicolons[0] + 1
      while s < semicolons[1], SourceText.isSpace(text.bytes[s]) { s += 1 }
      let written = SourceText.foldingWhitespace(text.text(s..<semicolons[1]))
      if !written.isEmpty {
        let line = text.lineNumber(atOffset: s)
        return GuardCondition(
          text: written, location: SourceLocation(path: path, line: line, column: s - text.lineStarts[line - 1] + 1))
      }
    }
    guard let location = start.location else { return nil }
    return GuardCondition(text: SourceText.foldingWhitespace(text.text(start.offset..<end)), location: location)
  }

  /// `case NFPROTO_IPV4`, `default`, or stacked labels as written (`case AF_INET: case AF_UNSPEC`).
  func label(_ cursor: CXCursor) -> String? {
    var parts: [String] = []
    var s = cursor
    for _ in 0..<16 {
      let k = c.kind(s)
      let kids = c.children(s)
      if k == CXCursor_DefaultStmt {
        parts.append("default")
      } else if k == CXCursor_CaseStmt, let value = kids.first {
        var part = "case " + (sourceText(of: value) ?? "?")
        if kids.count == 3 { part += " ... " + (sourceText(of: kids[1]) ?? "?") }
        parts.append(part)
      } else {
        break
      }
      guard let next = kids.last else { break }
      s = next
    }
    return parts.isEmpty ? nil : parts.joined(separator: ": ")
  }

  /// The folded source text of an expression, when it lies in one file.
  func sourceText(of cursor: CXCursor) -> String? {
    guard let span = extent(cursor), span.start.file === span.end.file, span.start.offset < span.end.offset,
      let text = span.start.file.text
    else { return nil }
    return SourceText.foldingWhitespace(text.text(span.start.offset..<span.end.offset))
  }

  static func cut(_ text: String) -> String {
    text.count > guardConditionLimit ? String(text.prefix(guardConditionLimit - 1)) + "…" : text
  }

  /// `.unlikely` for `unlikely(…)` and `.likely` for `likely(…)` when the wrapper spans the whole condition.
  static func hint(_ condition: String) -> BranchGuard.Hint? {
    for (name, hint) in [("unlikely", BranchGuard.Hint.unlikely), ("likely", .likely)] {
      guard condition.hasPrefix(name + "("), condition.hasSuffix(")") else { continue }
      var depth = 0
      let inner = condition.dropFirst(name.count)
      for (n, ch) in inner.enumerated() {
        if ch == "(" { depth += 1 }
        if ch == ")" { depth -= 1 }
        if depth == 0 { return n == inner.count - 1 ? hint : nil }
      }
    }
    return nil
  }
}
