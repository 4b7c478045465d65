import KwalkCore

/// The top-level statements of one function body, which place anything found at a byte offset in it on the main
/// line, in a branch or on an exit. Observability facts and call sites are placed by the same layout, so a counter
/// and the call beside it always agree.
struct BodyLayout {
  /// One top-level statement of the body.
  struct Statement {
    /// Byte offset where it starts; it runs to the next statement's start.
    var start: Int
    /// Its first line.
    var line: Int
    /// It is (or starts with) a label.
    var isLabel: Bool
    /// Its statement under any labels is a `return` or `goto`.
    var isTerminator: Bool
    /// Its statement under any labels is an `if`, `switch`, loop or block.
    var isControl: Bool
  }

  /// The file the body is in; offsets elsewhere (nil) are placed in a branch.
  let file: WalkFile?
  let statements: [Statement]

  /// The placement and segment line of whatever sits at `offset` in the body's file, given the offsets of the drop
  /// calls (a segment that drops is an exit).
  func placements(dropOffsets: [Int]) -> (Int?) -> (FactPlacement, Int) {
    let statements = self.statements
    let n = statements.count
    func index(_ offset: Int) -> Int? {
      var found: Int?
      for (i, s) in statements.enumerated() where s.start <= offset { found = i }
      return found
    }
    // Drops on the top level of a segment (not inside a branch) make it an exit.
    var dropStatements: Set<Int> = []
    for o in dropOffsets { if let i = index(o), !statements[i].isControl { dropStatements.insert(i) } }
    // Segments start at labels; before the first label, the entry segment.
    let labels = statements.indices.filter { statements[$0].isLabel }
    var segmentOf = [Int](repeating: -1, count: n)
    for (k, l) in labels.enumerated() {
      let end = k + 1 < labels.count ? labels[k + 1] : n
      for i in l..<end { segmentOf[i] = k }
    }
    var exit = [Bool](repeating: false, count: labels.count)
    var target = labels.map { statements[$0].line }
    for k in labels.indices.reversed() {
      let l = labels[k]
      let end = k + 1 < labels.count ? labels[k + 1] : n
      let containsDrop = (l..<end).contains { dropStatements.contains($0) }
      let afterJump = l > 0 && statements[l - 1].isTerminator
      let fallsThrough = !statements[end - 1].isTerminator
      if containsDrop {
        exit[k] = true
      } else if fallsThrough && k + 1 < labels.count && exit[k + 1] {
        exit[k] = true
        target[k] = target[k + 1]
      } else if afterJump {
        exit[k] = true
      }
    }
    // Statements after a top-level `return` or `goto` and before the next label run only after a jump.
    var firstTerminator = n
    for (i, s) in statements.enumerated() where s.isTerminator && segmentOf[i] == -1 {
      firstTerminator = i
      break
    }
    return { offset in
      guard let offset, let i = index(offset) else { return (.branch, 0) }
      let k = segmentOf[i]
      if k >= 0 && exit[k] { return (.exit, target[k]) }
      if k == -1 && i > firstTerminator { return (.exit, statements[i].line) }
      if statements[i].isControl { return (.branch, statements[i].line) }
      return (.mainLine, 0)
    }
  }

  /// The offset of `place` in the body's file, or nil when it lies elsewhere (a header, scratch space).
  func offset(of place: Place?) -> Int? {
    guard let place, place.file === file else { return nil }
    return place.offset
  }
}
