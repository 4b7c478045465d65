import CClang
import KwalkCore

extension ExtractionWalk {
  /// A function handed to an inline `asm` statement as an operand is called by it: x86-64 runs the pending
  /// softirqs on the IRQ stack with `call_on_irqstack(__do_softirq, …)` (in `do_softirq_own_stack()`), whose asm
  /// switches stacks and calls its `"i" (func)` operand. No C call expression exists, so without this the index has no
  /// edge from `do_softirq` to `__do_softirq`. The call is recorded as a macro call, at the macro's invocation.
  func handleAsmOperands(_ asm: CXCursor) {
    guard let caller = currentFunction else { return }
    var functions: [CXCursor] = []
    c.visit(asm) { cursor, _ in
      if c.kind(cursor) == CXCursor_DeclRefExpr {
        let named = c.referenced(cursor)
        if c.kind(named) == CXCursor_FunctionDecl { functions.append(named) }
      }
      return CXChildVisit_Recurse
    }
    guard !functions.isEmpty, let at = expansionPlace(api.clang_getCursorLocation(asm)), let location = at.location,
      let text = at.file.text
    else { return }
    let name = text.identifier(at: at.offset)
    guard !name.isEmpty else { return }
    let end = text.endOfParenthesizedGroup(from: at.offset + name.utf8.count) ?? (at.offset + name.utf8.count)
    let expression = SourceText.foldingWhitespace(text.text(at.offset..<end))
    let config = at.file.guards?.conditions(atLine: location.line) ?? []
    for fn in functions {
      facts.callSites.append(
        CallSiteFact(
          caller: caller.id, location: location, kind: .macro,
          target: .function(SymbolID(c.usr(fn)), name: c.spelling(fn)), throughPointer: false, expression: expression,
          macro: MacroUse(name: name, definition: macroDefinition(at: at)), arguments: [], config: config,
          guards: currentGuards()))
      callOffsets.append(bodyLayout?.offset(of: at))
      let def = c.definition(fn)
      if !c.isNull(def), api.clang_Location_isFromMainFile(api.clang_getCursorLocation(def)) == 0 { enqueue(def) }
    }
  }
}
