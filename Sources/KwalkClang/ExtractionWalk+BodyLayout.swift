import CClang
import KwalkCore

/// The top-level layout of a function body, read once per function for the placement of its facts and calls.
extension ExtractionWalk {
  func layout(of body: CXCursor) -> BodyLayout {
    let bodyFile = extent(body)?.start.file
    var statements: [BodyLayout.Statement] = []
    for s in c.children(body) {
      guard let start = extent(s)?.start, start.file === bodyFile else { continue }
      var inner = s
      var isLabel = false
      while c.kind(inner) == CXCursor_LabelStmt, let child = c.children(inner).first {
        isLabel = true
        inner = child
      }
      let k = c.kind(inner)
      // `do { … } while (0)` from a macro (`__IP_UPD_PO_STATS(…)`) is one statement, not a loop.
      let macroBlock =
        k == CXCursor_DoStmt
        && extent(inner).flatMap { $0.start.file.text?.identifier(at: $0.start.offset) } != "do"
      statements.append(
        .init(
          start: start.offset, line: start.line, isLabel: isLabel,
          isTerminator: k == CXCursor_ReturnStmt || k == CXCursor_GotoStmt,
          isControl: !macroBlock
            && [
              CXCursor_IfStmt, CXCursor_SwitchStmt, CXCursor_ForStmt, CXCursor_WhileStmt, CXCursor_DoStmt,
              CXCursor_CompoundStmt,
            ].contains(k)))
    }
    return BodyLayout(file: bodyFile, statements: statements)
  }
}
