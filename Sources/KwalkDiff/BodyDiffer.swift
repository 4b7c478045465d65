import KwalkCore

/// Compares function bodies line by line: white space folded, blank lines dropped, lines that only moved kept
/// apart from real changes.
struct BodyDiffer {
  let old: DiffSide
  let new: DiffSide

  /// The lines of a body, folded, with their line numbers; blank lines dropped.
  static func lines(_ side: DiffSide, _ f: FunctionFact) -> [(line: Int, key: String, text: String)] {
    side.sources.body(of: f).compactMap { l in
      let key = SourceText.foldingWhitespace(l.text)
      return key.isEmpty ? nil : (l.line, key, l.text)
    }
  }

  /// Dice coefficient of two bodies' line multisets, each function's own name written as `$` so that a rename
  /// alone does not lower it. Braces alone do not count.
  func similarity(_ a: FunctionFact, _ b: FunctionFact) -> Double {
    func bag(_ side: DiffSide, _ f: FunctionFact) -> [String: Int] {
      var out: [String: Int] = [:]
      for l in Self.lines(side, f) where l.key != "{" && l.key != "}" {
        out[Self.replacingWord(f.name, with: "$", in: l.key), default: 0] += 1
      }
      return out
    }
    let x = bag(old, a)
    let y = bag(new, b)
    let total = x.values.reduce(0, +) + y.values.reduce(0, +)
    guard total > 0 else { return 0 }
    let common = x.reduce(0) { $0 + min($1.value, y[$1.key] ?? 0) }
    return 2 * Double(common) / Double(total)
  }

  /// The diff of `a` (old) against `b` (new); nil when they differ only in white space or line order.
  /// `oldPath`/`newPath` are the lines of the calls the path makes out of each function.
  func diff(_ a: FunctionFact, _ b: FunctionFact, oldPath: Set<Int>, newPath: Set<Int>) -> BodyDiff? {
    let x = Self.lines(old, a)
    let y = Self.lines(new, b)
    let ops = LineDiff.operations(x.map(\.key), y.map(\.key))
    // A deleted line equal to an inserted one only moved.
    var inserted: [String: Int] = [:]
    for case .inserted(let j) in ops { inserted[y[j].key, default: 0] += 1 }
    var deletedMoved: [String: Int] = [:]
    for case .deleted(let i) in ops where (inserted[x[i].key] ?? 0) > (deletedMoved[x[i].key] ?? 0) {
      deletedMoved[x[i].key, default: 0] += 1
    }
    var insertedMoved = deletedMoved
    var lines: [BodyLine] = []
    var seenDeleted: [String: Int] = [:]
    for op in ops {
      switch op {
      case .same(let i, let j):
        lines.append(
          BodyLine(
            op: .same, oldLine: x[i].line, newLine: y[j].line, text: y[j].text,
            onPath: oldPath.contains(x[i].line) || newPath.contains(y[j].line)))
      case .deleted(let i):
        let k = x[i].key
        let moved = (seenDeleted[k] ?? 0) < (deletedMoved[k] ?? 0)
        if moved { seenDeleted[k, default: 0] += 1 }
        lines.append(
          BodyLine(op: moved ? .moved : .removed, oldLine: x[i].line, newLine: nil, text: x[i].text,
                   onPath: oldPath.contains(x[i].line)))
      case .inserted(let j):
        let k = y[j].key
        let moved = (insertedMoved[k] ?? 0) > 0
        if moved { insertedMoved[k, default: 0] -= 1 }
        lines.append(
          BodyLine(op: moved ? .moved : .added, oldLine: nil, newLine: y[j].line, text: y[j].text,
                   onPath: newPath.contains(y[j].line)))
      }
    }
    let added = lines.filter { $0.op == .added }.count
    let removed = lines.filter { $0.op == .removed }.count
    guard added + removed > 0 else { return nil }
    let touches = lines.contains { ($0.op == .added || $0.op == .removed) && $0.onPath }
    return BodyDiff(
      old: "\(a.name) at \(a.location.path):\(a.location.line)",
      new: "\(b.name) at \(b.location.path):\(b.location.line)",
      added: added, removed: removed, touchesPath: touches, hunks: Self.hunks(lines))
  }

  /// Changed and moved-away lines with one line of context around each change; runs the context does not join are
  /// separate hunks.
  static func hunks(_ lines: [BodyLine]) -> [[BodyLine]] {
    let changed = lines.indices.filter { lines[$0].op == .added || lines[$0].op == .removed }
    var keep = Set<Int>()
    for i in changed { for k in max(0, i - 1)...min(lines.count - 1, i + 1) { keep.insert(k) } }
    var out: [[BodyLine]] = []
    var current: [BodyLine] = []
    var previous: Int?
    for i in keep.sorted() {
      if let p = previous, i != p + 1 {
        out.append(current)
        current = []
      }
      current.append(lines[i])
      previous = i
    }
    if !current.isEmpty { out.append(current) }
    return out
  }

  /// `text` with whole-word occurrences of `word` replaced.
  static func replacingWord(_ word: String, with replacement: String, in text: String) -> String {
    guard !word.isEmpty, text.contains(word) else { return text }
    let chars = Array(text.utf8)
    let w = Array(word.utf8)
    var out: [UInt8] = []
    var i = 0
    while i < chars.count {
      if i + w.count <= chars.count, Array(chars[i..<i + w.count]) == w,
        i == 0 || !SourceText.isIdentifierByte(chars[i - 1]),
        i + w.count == chars.count || !SourceText.isIdentifierByte(chars[i + w.count])
      {
        out += Array(replacement.utf8)
        i += w.count
      } else {
        out.append(chars[i])
        i += 1
      }
    }
    return String(decoding: out, as: UTF8.self)
  }
}
