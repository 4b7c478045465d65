import CClang
import KwalkCore

extension ExtractionWalk {
  /// Walks the definitions of `.c` files the main file includes: kbuild compiles kernel/sched's small files
  /// (`wait.c`, `completion.c`, …) inside `build_utility.c`, so their functions (the wait-queue wake-up) exist
  /// only in that unit. Headers stay out: their functions are walked when a walked function calls them.
  func walkIncludedUnits() {
    let root = api.clang_getTranslationUnitCursor(unit.raw)
    var variables: [CXCursor] = []
    c.visit(root) { cursor, _ in
      let kind = c.kind(cursor)
      guard kind == CXCursor_FunctionDecl || kind == CXCursor_VarDecl else { return CXChildVisit_Continue }
      let loc = api.clang_getCursorLocation(cursor)
      guard api.clang_Location_isFromMainFile(loc) == 0, let at = place(loc), at.file.absolute.hasSuffix(".c"),
        at.location != nil
      else { return CXChildVisit_Continue }
      if kind == CXCursor_FunctionDecl {
        if api.clang_isCursorDefinition(cursor) != 0 { enqueue(cursor) }
      } else {
        variables.append(cursor)
      }
      return CXChildVisit_Continue
    }
    variables.forEach(walkVariable)
    while !queue.isEmpty { walkFunction(queue.removeFirst()) }
  }
}
