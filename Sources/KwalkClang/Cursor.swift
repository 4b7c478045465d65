import CClang

/// Thin accessors over `CXCursor` for the extractor. Internal: no cursor leaves this module.
struct CursorAccess {
  let library: ClangLibrary
  var api: KwalkClangAPI { library.api }

  func kind(_ c: CXCursor) -> CXCursorKind { api.clang_getCursorKind(c) }
  func spelling(_ c: CXCursor) -> String { library.string(api.clang_getCursorSpelling(c)) }
  func usr(_ c: CXCursor) -> String { library.string(api.clang_getCursorUSR(c)) }
  func isNull(_ c: CXCursor) -> Bool { api.clang_Cursor_isNull(c) != 0 }
  func referenced(_ c: CXCursor) -> CXCursor { api.clang_getCursorReferenced(c) }
  func definition(_ c: CXCursor) -> CXCursor { api.clang_getCursorDefinition(c) }
  func equal(_ a: CXCursor, _ b: CXCursor) -> Bool { api.clang_equalCursors(a, b) != 0 }

  /// Calls `body` for each child; return `CXChildVisit_Recurse` to descend.
  func visit(_ cursor: CXCursor, _ body: (CXCursor, CXCursor) -> CXChildVisitResult) {
    withoutActuallyEscaping(body) { body in
      withUnsafePointer(to: body) { ctx in
        _ = api.clang_visitChildren(
          cursor,
          { c, p, data in
            data!.assumingMemoryBound(to: ((CXCursor, CXCursor) -> CXChildVisitResult).self).pointee(c, p)
          }, UnsafeMutableRawPointer(mutating: ctx))
      }
    }
  }

  /// The direct children.
  func children(_ cursor: CXCursor) -> [CXCursor] {
    var out: [CXCursor] = []
    visit(cursor) { c, _ in
      out.append(c)
      return CXChildVisit_Continue
    }
    return out
  }

  /// Looks through implicit casts, parentheses, `*`/`&` and casts to the expression that names something.
  func stripped(_ c: CXCursor) -> CXCursor {
    var c = c
    while true {
      let k = kind(c)
      // A GNU statement expression (`READ_ONCE(x)` in 6.1) yields its last statement.
      if k == CXCursor_StmtExpr || k == CXCursor_CompoundStmt {
        guard let last = children(c).last else { return c }
        c = last
        continue
      }
      guard
        k == CXCursor_UnexposedExpr || k == CXCursor_ParenExpr || k == CXCursor_UnaryOperator
          || k == CXCursor_CStyleCastExpr
      else { return c }
      let kids = children(c)
      guard let last = kids.last, kids.count <= 2 || (k == CXCursor_UnexposedExpr && kids.count == 1) else {
        return c
      }
      // A C-style cast has the type reference first and the operand last.
      c = last
    }
  }

  /// True when a type is a pointer to a function.
  func isFunctionPointer(_ type: CXType) -> Bool {
    let canonical = api.clang_getCanonicalType(type)
    guard canonical.kind == CXType_Pointer else { return false }
    let pointee = api.clang_getCanonicalType(api.clang_getPointeeType(canonical))
    return pointee.kind == CXType_FunctionProto || pointee.kind == CXType_FunctionNoProto
  }

  /// The tag of the struct that declares field `c`, climbing out of anonymous structs and unions.
  func structName(ofField c: CXCursor) -> String {
    var parent = api.clang_getCursorSemanticParent(c)
    for _ in 0..<8 {
      let name = spelling(parent)
      if !name.isEmpty && !name.contains("(") && !name.contains(" ") { return name }
      let up = api.clang_getCursorSemanticParent(parent)
      if isNull(up) || kind(up) == CXCursor_TranslationUnit { break }
      parent = up
    }
    return spelling(parent)
  }
}
