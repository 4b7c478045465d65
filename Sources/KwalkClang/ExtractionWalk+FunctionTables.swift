import CClang
import KwalkCore

/// Global arrays of function pointers: x86-64 dispatches a system call as `sys_call_table[unr](regs)` (5.10, 6.1
/// before the 2024 hardening), and the table is an initialized array (arch/x86/entry/syscall_64.c). A call through an
/// element and the array's entries meet at one `StructField`, the array's `[]`, so `CallGraph` treats it like any
/// function-pointer field.
extension ExtractionWalk {
  /// The name of the global array an element of which is called (`sys_call_table` in `sys_call_table[unr]`).
  func globalArray(subscriptedBy callee: CXCursor) -> String? {
    guard c.kind(callee) == CXCursor_ArraySubscriptExpr, let base = c.children(callee).first else { return nil }
    let e = c.stripped(base)
    guard c.kind(e) == CXCursor_DeclRefExpr else { return nil }
    let array = c.referenced(e)
    guard c.kind(array) == CXCursor_VarDecl, isGlobal(array) else { return nil }
    return c.spelling(array)
  }

  /// The functions a global array of function pointers is initialized with (`sys_call_table`), positional
  /// (`__x64_sys_read,`) or designated (`[0 ... max] = &__x64_sys_ni_syscall`, `[nr] = __x64_sys_read,`), each bound
  /// to the array's `[]` (`StructField.arrayElement`), which a call `table[i](…)` reads.
  func handleFunctionTable(_ variable: CXCursor) {
    let type = api.clang_getCanonicalType(api.clang_getCursorType(variable))
    guard type.kind == CXType_ConstantArray || type.kind == CXType_IncompleteArray,
      let list = c.children(variable).last(where: { c.kind($0) == CXCursor_InitListExpr })
    else { return }
    let field = StructField(structName: c.spelling(variable), field: StructField.arrayElement)
    for element in c.children(list) {
      let parts = c.kind(element) == CXCursor_UnexposedExpr ? c.children(element) : []
      // A designated element's children are its index (or range) and then its value.
      let value = c.stripped(parts.count > 1 ? parts[parts.count - 1] : element)
      guard c.kind(value) == CXCursor_DeclRefExpr else { continue }
      let function = c.referenced(value)
      guard c.kind(function) == CXCursor_FunctionDecl else { continue }
      // An entry made by pasting (`__x64_##sym`) is spelled in scratch space: it is placed where the macro is used.
      let loc = api.clang_getCursorLocation(value)
      let spelled = place(loc)
      guard let at = spelled?.location != nil ? spelled : expansionPlace(loc) else { continue }
      record(field: field, value: function, at: at, form: .initializer)
    }
  }
}
