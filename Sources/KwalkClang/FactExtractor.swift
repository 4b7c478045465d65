import CClang
import Foundation
import KwalkCore

/// Reads the facts kwalk needs out of one parsed translation unit.
///
/// It walks the bodies of the main file's function definitions and, on demand, of the header functions they call
/// (the static inline layer: `dev_queue_xmit`, `NF_HOOK`, `dst_output`), plus the initializers of the main file's
/// variables. Everything is copied into `KwalkCore` values before returning.
public struct FactExtractor {
  /// Maps the compiler's absolute paths to tree paths.
  public var paths: TreePathMapper

  public init(paths: TreePathMapper) { self.paths = paths }

  /// Changes whenever what the extractor records changes, so that an index written by an older kwalk is re-parsed
  /// rather than trusted (the store keeps it as `PRAGMA user_version`).
  public static let version = 7

  /// Extracts the facts of `unit`, whose main file is `file`.
  public func extract(_ unit: TranslationUnit, file: SourcePath) -> TranslationUnitFacts {
    let walk = ExtractionWalk(unit: unit, paths: paths)
    walk.run()
    walk.walkIncludedUnits()
    let d = unit.diagnostics()
    var facts = walk.facts
    facts.file = file
    facts.diagnostics = ParseDiagnostics(warnings: d.warnings, errors: d.errors, firstErrors: d.firstErrors)
    facts.functions.sort { ($0.location, $0.id) < ($1.location, $1.id) }
    facts.callSites.sort { ($0.location, $0.caller, $0.target.description) < ($1.location, $1.caller, $1.target.description) }
    facts.bindings.sort { ($0.location, $0.field, $0.functionName) < ($1.location, $1.field, $1.functionName) }
    facts.parameterStores.sort { ($0.location, $0.parameterIndex) < ($1.location, $1.parameterIndex) }
    facts.tracepoints.sort { ($0.location, $0.event) < ($1.location, $1.event) }
    facts.observability.sort()
    return facts
  }
}

/// A file seen during a walk, with its text read lazily.
final class WalkFile {
  let handle: CXFile
  let absolute: String
  let path: SourcePath?
  private var loadedText: SourceText??
  private var loadedGuards: ConditionalBlocks?
  private var loadedTraceSystem: String??

  init(handle: CXFile, absolute: String, path: SourcePath?) {
    self.handle = handle
    self.absolute = absolute
    self.path = path
  }

  var text: SourceText? {
    if let loadedText { return loadedText }
    let t = SourceText(contentsOfFile: absolute)
    loadedText = .some(t)
    return t
  }

  var guards: ConditionalBlocks? {
    if let loadedGuards { return loadedGuards }
    guard let text else { return nil }
    let g = ConditionalBlocks(text: text)
    loadedGuards = g
    return g
  }

  /// The `TRACE_SYSTEM` a trace events header defines.
  var traceSystem: String? {
    if let loadedTraceSystem { return loadedTraceSystem }
    var found: String?
    if let text {
      for n in 1...max(1, text.lineCount) {
        let l = text.line(n)
        guard l.hasPrefix("#define TRACE_SYSTEM ") else { continue }
        let name = l.dropFirst("#define TRACE_SYSTEM ".count).prefix(while: { !$0.isWhitespace })
        found = String(name)
        break
      }
    }
    loadedTraceSystem = .some(found)
    return found
  }
}

/// A resolved position: the file, 1-based line and column, and byte offset.
struct Place {
  let file: WalkFile
  let line: Int
  let column: Int
  let offset: Int

  var location: SourceLocation? { file.path.map { SourceLocation(path: $0, line: line, column: column) } }
}

/// One extraction pass over a translation unit.
final class ExtractionWalk {
  let unit: TranslationUnit
  let paths: TreePathMapper
  let c: CursorAccess
  var facts = TranslationUnitFacts(file: "")
  private var files: [UnsafeMutableRawPointer: WalkFile] = [:]
  /// Function definitions waiting to be walked.
  var queue: [CXCursor] = []
  private var queued: Set<String> = []

  /// The function whose body is being walked, with its parameters.
  var currentFunction: (id: SymbolID, name: String, parameters: [CXCursor], parameterNames: [String])?
  /// The variable whose initializer is being walked.
  var currentVariable: String?
  /// What the monitoring and tuning facts of the function being walked need (`ExtractionWalk+Observability`).
  var observation: ObservationState?
  /// The top-level statements of the body being walked, which place its calls and facts.
  var bodyLayout: BodyLayout?
  /// The chain of cursors from the body to the one being visited (`ExtractionWalk+Guards`).
  var ancestry: [Ancestor] = []
  /// What was worked out about some of `ancestry`'s cursors (labels, conditions).
  var guardNotes: [GuardNote] = []
  /// Where each call site the body added so far sits in the body's file, for its placement once the body is done.
  var callOffsets: [Int?] = []

  init(unit: TranslationUnit, paths: TreePathMapper) {
    self.unit = unit
    self.paths = paths
    self.c = CursorAccess(library: unit.index.library)
  }

  var api: KwalkClangAPI { c.api }

  func run() {
    let root = api.clang_getTranslationUnitCursor(unit.raw)
    c.visit(root) { cursor, _ in
      let kind = c.kind(cursor)
      guard kind == CXCursor_FunctionDecl || kind == CXCursor_VarDecl else { return CXChildVisit_Continue }
      if kind == CXCursor_FunctionDecl {
        if api.clang_isCursorDefinition(cursor) != 0, isInMainFile(cursor) { enqueue(cursor) }
      } else if api.clang_Location_isFromMainFile(api.clang_getCursorLocation(cursor)) != 0 {
        walkVariable(cursor)
      }
      return CXChildVisit_Continue
    }
    while !queue.isEmpty {
      let next = queue.removeFirst()
      walkFunction(next)
    }
  }

  /// True when `cursor` is declared in the main file, or made there by a macro (`SYSCALL_DEFINE6(sendto, …)`, whose
  /// pasted names libclang places in scratch space, not in the main file).
  func isInMainFile(_ cursor: CXCursor) -> Bool {
    let loc = api.clang_getCursorLocation(cursor)
    if api.clang_Location_isFromMainFile(loc) != 0 { return true }
    // Compared by file handle: a location made from an offset would have libclang map every header's macro
    // arguments, which costs more than the whole walk of a header's inline functions.
    guard let mainFile, let expansion = expansionPlace(loc) else { return false }
    return expansion.file.handle == mainFile
  }

  /// The translation unit's main file.
  private lazy var mainFile: CXFile? = api.clang_getFile(unit.raw, unit.path)

  // MARK: Positions

  func file(_ f: CXFile?) -> WalkFile? {
    guard let f else { return nil }
    if let known = files[f] { return known }
    let name = c.library.string(api.clang_getFileName(f))
    let absolute = name.hasPrefix("/") ? name : (paths.buildRoot ?? paths.sourceRoot) + "/" + name
    let entry = WalkFile(handle: f, absolute: absolute, path: paths.sourcePath(for: absolute))
    files[f] = entry
    return entry
  }

  /// The file position a reader sees: macro arguments at their spelling, macro bodies at the expansion.
  func place(_ loc: CXSourceLocation) -> Place? {
    var f: CXFile?
    var line: UInt32 = 0
    var column: UInt32 = 0
    var offset: UInt32 = 0
    api.clang_getFileLocation(loc, &f, &line, &column, &offset)
    guard let wf = file(f) else { return nil }
    return Place(file: wf, line: Int(line), column: Int(column), offset: Int(offset))
  }

  /// Where the outermost macro invocation containing `loc` starts.
  func expansionPlace(_ loc: CXSourceLocation) -> Place? {
    var f: CXFile?
    var line: UInt32 = 0
    var column: UInt32 = 0
    var offset: UInt32 = 0
    api.clang_getExpansionLocation(loc, &f, &line, &column, &offset)
    guard let wf = file(f) else { return nil }
    return Place(file: wf, line: Int(line), column: Int(column), offset: Int(offset))
  }

  func place(of cursor: CXCursor) -> Place? { place(api.clang_getCursorLocation(cursor)) }

  func extent(_ cursor: CXCursor) -> (start: Place, end: Place)? {
    let r = api.clang_getCursorExtent(cursor)
    guard let s = place(api.clang_getRangeStart(r)), let e = place(api.clang_getRangeEnd(r)) else { return nil }
    return (s, e)
  }

  // MARK: Functions

  func enqueue(_ definition: CXCursor) {
    let usr = c.usr(definition)
    guard !usr.isEmpty, queued.insert(usr).inserted else { return }
    queue.append(definition)
  }

  func walkFunction(_ fn: CXCursor) {
    let usr = c.usr(fn)
    let name = c.spelling(fn)
    // A name made by token pasting (`SYSCALL_DEFINE6(sendto, …)` makes `__x64_sys_sendto`) is spelled in the
    // compiler's scratch space, which no tree path names: such a function is placed where the macro is invoked.
    let spelled = place(of: fn)
    guard let namePlace = spelled?.location != nil ? spelled : expansionPlace(api.clang_getCursorLocation(fn)),
      let location = namePlace.location
    else { return }
    let count = max(0, Int(api.clang_Cursor_getNumArguments(fn)))
    let parameters = (0..<count).map { api.clang_Cursor_getArgument(fn, UInt32($0)) }
    let parameterNames = parameters.map { c.spelling($0) }
    let children = c.children(fn)
    guard let body = children.last(where: { c.kind($0) == CXCursor_CompoundStmt }) else { return }
    let span = extent(fn)
    let bodyStart = extent(body)?.start
    var signature = name
    if let span, let bodyStart, span.start.file === bodyStart.file, let text = span.start.file.text,
      span.start.offset < bodyStart.offset
    {
      signature = SourceText.foldingWhitespace(text.text(span.start.offset..<bodyStart.offset))
    }
    let fact = FunctionFact(
      id: SymbolID(usr), name: name, location: location,
      startLine: span.map { $0.start.file === namePlace.file ? $0.start.line : namePlace.line } ?? namePlace.line,
      endLine: span.map { $0.end.file === namePlace.file ? $0.end.line : namePlace.line } ?? namePlace.line,
      isStatic: api.clang_Cursor_getStorageClass(fn) == CX_SC_Static,
      isInline: api.clang_Cursor_isFunctionInlined(fn) != 0,
      signature: signature, parameters: parameterNames)
    facts.functions.append(fact)

    currentFunction = (SymbolID(usr), name, parameters, parameterNames)
    defer { currentFunction = nil }
    let layout = layout(of: body)
    bodyLayout = layout
    callOffsets = []
    let firstCall = facts.callSites.count
    beginObservations(layout: layout)
    beginGuards(body: body)
    c.visit(body) { cursor, parent in
      let kind = c.kind(cursor)
      enter(cursor, kind: kind, parent: parent)
      switch kind {
      case CXCursor_CallExpr: handleCall(cursor)
      case CXCursor_BinaryOperator: handleAssignment(cursor)
      case CXCursor_InitListExpr: handleInitializerList(cursor)
      case CXCursor_AsmStmt: handleAsmOperands(cursor)
      default: break
      }
      observe(cursor)
      return CXChildVisit_Recurse
    }
    // Drop calls make the segment they end an exit, for the calls beside them as for the counters.
    let placing = layout.placements(dropOffsets: observation?.dropOffsets ?? [])
    endObservations(placing: placing)
    for (i, offset) in callOffsets.enumerated() { facts.callSites[firstCall + i].placement = placing(offset).0 }
    bodyLayout = nil
    ancestry = []
    guardNotes = []
  }

  func walkVariable(_ variable: CXCursor) {
    currentVariable = c.spelling(variable)
    defer { currentVariable = nil }
    observeVariable(variable)
    handleFunctionTable(variable)
    c.visit(variable) { cursor, _ in
      if c.kind(cursor) == CXCursor_InitListExpr { handleInitializerList(cursor) }
      return CXChildVisit_Recurse
    }
  }

  // MARK: Calls

  func handleCall(_ call: CXCursor) {
    guard let caller = currentFunction else { return }
    let kids = c.children(call)
    guard let calleeExpression = kids.first else { return }
    let callee = c.stripped(calleeExpression)
    let referenced = c.referenced(call)

    // What is called.
    var target: CallTarget
    var calleeName: String
    var calleeFunction: CXCursor?
    if c.kind(referenced) == CXCursor_FunctionDecl {
      calleeName = c.spelling(referenced)
      target = .function(SymbolID(c.usr(referenced)), name: calleeName)
      calleeFunction = referenced
    } else if let table = globalArray(subscriptedBy: callee) {
      // `sys_call_table[unr](regs)`: a call through a global array of function pointers, bound by its initializer.
      calleeName = table
      target = .field(StructField(structName: table, field: StructField.arrayElement))
    } else {
      let named = c.referenced(callee)
      switch c.kind(named) {
      case CXCursor_FieldDecl:
        calleeName = c.spelling(named)
        target = .field(StructField(structName: c.structName(ofField: named), field: calleeName))
      case CXCursor_ParmDecl:
        calleeName = c.spelling(named)
        let index = caller.parameters.firstIndex(where: { c.equal($0, named) })
          ?? caller.parameterNames.firstIndex(of: calleeName) ?? -1
        target = .parameter(index: index, name: calleeName)
      case CXCursor_VarDecl:
        calleeName = c.spelling(named)
        // INDIRECT_CALL_* copies the pointer into a local (`typeof(f) __f1 = (f);`): follow the initializer back
        // to the field it was read from.
        if let field = fieldInitializing(named) {
          calleeName = c.spelling(field)
          target = .field(StructField(structName: c.structName(ofField: field), field: calleeName))
        } else {
          target = .variable(name: calleeName)
        }
      default:
        return  // a computed function pointer kwalk cannot name
      }
    }

    // Compiler builtins and compile-time assertions are not calls a reader follows.
    if calleeName.hasPrefix("__builtin_") || calleeName.hasPrefix("__compiletime_assert") { return }

    // Tracepoints are recorded as such, not as calls.
    if let fn = calleeFunction, calleeName.hasPrefix("trace_"), !calleeName.hasSuffix("_enabled") {
      let def = c.definition(fn)
      if let defPlace = place(of: c.isNull(def) ? fn : def), defPlace.file.absolute.contains("/include/trace/"),
        let at = place(of: callee), let location = at.location
      {
        facts.tracepoints.append(
          TracepointSiteFact(
            caller: caller.id, event: String(calleeName.dropFirst("trace_".count)),
            system: defPlace.file.traceSystem ?? "", location: location))
        return
      }
    }

    // Written in the source, or produced by a macro?
    let namePlace = place(of: callee)
    var written = false
    if let namePlace, let text = namePlace.file.text, text.identifier(at: namePlace.offset) == calleeName {
      let i = argumentListStart(in: text, afterName: namePlace.offset + calleeName.utf8.count)
      written = i < text.bytes.count && text.bytes[i] == UInt8(ascii: "(")
    }

    var kind: CallKind
    var location: SourceLocation
    var expression: String
    var macro: MacroUse?
    var at: Place?
    if written, let namePlace, let nameLocation = namePlace.location, let text = namePlace.file.text {
      location = nameLocation
      at = namePlace
      let start = extent(calleeExpression).flatMap { $0.start.file === namePlace.file ? $0.start.offset : nil }
        ?? namePlace.offset
      let afterName = argumentListStart(in: text, afterName: namePlace.offset + calleeName.utf8.count)
      let end = text.endOfParenthesizedGroup(from: afterName) ?? afterName
      expression = SourceText.foldingWhitespace(text.text(min(start, namePlace.offset)..<end))
      if let fn = calleeFunction {
        let def = c.definition(fn)
        kind = api.clang_Cursor_isFunctionInlined(c.isNull(def) ? fn : def) != 0 ? .inline : .direct
      } else {
        kind = .pointer
      }
    } else {
      guard let expansion = expansionPlace(api.clang_getCursorLocation(call)), let atLocation = expansion.location,
        let text = expansion.file.text
      else { return }
      location = atLocation
      at = expansion
      kind = .macro
      let name = text.identifier(at: expansion.offset)
      let end =
        text.endOfParenthesizedGroup(from: expansion.offset + name.utf8.count) ?? (expansion.offset + name.utf8.count)
      expression = SourceText.foldingWhitespace(text.text(expansion.offset..<end))
      macro = MacroUse(name: name, definition: macroDefinition(at: expansion))
    }

    let arguments = (0..<max(0, Int(api.clang_Cursor_getNumArguments(call)))).map {
      argument(api.clang_Cursor_getArgument(call, UInt32($0)))
    }
    let config = namePlaceConfig(location: location, file: written ? namePlace?.file : nil)
    facts.callSites.append(
      CallSiteFact(
        caller: caller.id, location: location, kind: kind, target: target,
        throughPointer: kind == .macro && target.isPointer, expression: expression, macro: macro,
        arguments: arguments, config: config, guards: currentGuards()))
    callOffsets.append(bodyLayout?.offset(of: at))

    // Index the bodies of header functions the path may step into.
    if let fn = calleeFunction {
      let def = c.definition(fn)
      if !c.isNull(def), api.clang_Location_isFromMainFile(api.clang_getCursorLocation(def)) == 0 {
        enqueue(def)
      }
    }
  }

  /// Where a call's argument list should start after the callee's name: past any `)` closing a wrapper
  /// (`READ_ONCE(sk->sk_data_ready)(sk)`) and any index (`sys_call_table[unr](regs)`).
  func argumentListStart(in text: SourceText, afterName: Int) -> Int {
    var i = afterName
    while i < text.bytes.count {
      let b = text.bytes[i]
      if SourceText.isSpace(b) || b == UInt8(ascii: ")") {
        i += 1
      } else if b == UInt8(ascii: "[") {
        var depth = 0
        repeat {
          if text.bytes[i] == UInt8(ascii: "[") { depth += 1 }
          if text.bytes[i] == UInt8(ascii: "]") { depth -= 1 }
          i += 1
        } while depth > 0 && i < text.bytes.count
      } else {
        break
      }
    }
    return i
  }

  /// The struct field a local function-pointer variable was initialized from, following copies.
  func fieldInitializing(_ variable: CXCursor, depth: Int = 0) -> CXCursor? {
    guard depth < 4, let initializer = c.children(variable).last else { return nil }
    let e = c.stripped(initializer)
    let named = c.referenced(e)
    switch c.kind(named) {
    case CXCursor_FieldDecl where c.kind(e) == CXCursor_MemberRefExpr: return named
    case CXCursor_VarDecl where !c.equal(named, variable): return fieldInitializing(named, depth: depth + 1)
    default: return nil
    }
  }

  private func namePlaceConfig(location: SourceLocation, file: WalkFile?) -> [String] {
    let f = file ?? files.values.first(where: { $0.path == location.path })
    return f?.guards?.conditions(atLine: location.line) ?? []
  }

  /// The definition site of the macro invoked at `at`.
  func macroDefinition(at: Place) -> SourceLocation? {
    let loc = api.clang_getLocationForOffset(unit.raw, at.file.handle, UInt32(at.offset))
    let cursor = api.clang_getCursor(unit.raw, loc)
    guard c.kind(cursor) == CXCursor_MacroExpansion else { return nil }
    let def = c.referenced(cursor)
    guard !c.isNull(def) else { return nil }
    return place(of: def)?.location
  }

  func argument(_ expression: CXCursor) -> ArgumentFact {
    let e = c.stripped(expression)
    guard c.kind(e) == CXCursor_DeclRefExpr else { return .other }
    let named = c.referenced(e)
    switch c.kind(named) {
    case CXCursor_FunctionDecl:
      return .function(SymbolID(c.usr(named)), name: c.spelling(named))
    case CXCursor_ParmDecl:
      guard let fn = currentFunction, let i = fn.parameters.firstIndex(where: { c.equal($0, named) }) else {
        return .other
      }
      return .parameter(index: i)
    case CXCursor_EnumConstantDecl:
      return .enumConstant(c.spelling(named))
    default:
      return .other
    }
  }

  // MARK: Bindings

  /// `x->field = function;` and `x->field = parameter;`.
  func handleAssignment(_ op: CXCursor) {
    let kids = c.children(op)
    guard kids.count == 2 else { return }
    let lhs = c.stripped(kids[0])
    guard c.kind(lhs) == CXCursor_MemberRefExpr else { return }
    let field = c.referenced(lhs)
    guard c.kind(field) == CXCursor_FieldDecl else { return }
    let rhs = c.stripped(kids[1])
    guard c.kind(rhs) == CXCursor_DeclRefExpr else { return }
    let value = c.referenced(rhs)
    let valueKind = c.kind(value)
    guard valueKind == CXCursor_FunctionDecl || valueKind == CXCursor_ParmDecl else { return }
    // Only `=`: the text between the two operands.
    guard let l = extent(kids[0]), let r = extent(kids[1]), l.end.file === r.start.file, let text = l.end.file.text,
      l.end.offset <= r.start.offset,
      text.text(l.end.offset..<r.start.offset).trimmingCharacters(in: .whitespacesAndNewlines) == "="
    else { return }
    record(field: field, value: value, at: r.start, form: .assignment)
  }

  /// Designated and positional initializers of struct fields.
  func handleInitializerList(_ list: CXCursor) {
    let type = api.clang_getCanonicalType(api.clang_getCursorType(list))
    let declaration = api.clang_getTypeDeclaration(type)
    let fields = c.children(declaration).filter { c.kind($0) == CXCursor_FieldDecl }
    var position = 0
    for child in c.children(list) {
      defer { position += 1 }
      var field: CXCursor?
      var valueCursor = child
      let parts = c.kind(child) == CXCursor_UnexposedExpr ? c.children(child) : []
      if let designator = parts.last(where: { c.kind($0) == CXCursor_MemberRef }), let last = parts.last,
        c.kind(last) != CXCursor_MemberRef
      {
        field = c.referenced(designator)
        valueCursor = last
        if let f = field, let i = fields.firstIndex(where: { c.equal($0, f) }) { position = i }
      } else if position < fields.count {
        field = fields[position]
      }
      guard let field, c.kind(field) == CXCursor_FieldDecl else { continue }
      let value = c.stripped(valueCursor)
      guard c.kind(value) == CXCursor_DeclRefExpr else { continue }
      let named = c.referenced(value)
      let k = c.kind(named)
      guard k == CXCursor_FunctionDecl || k == CXCursor_ParmDecl, let at = place(of: value) else { continue }
      record(field: field, value: named, at: at, form: .initializer)
    }
  }

  private func record(field: CXCursor, value: CXCursor, at: Place, form: BindingForm) {
    record(
      field: StructField(structName: c.structName(ofField: field), field: c.spelling(field)), value: value, at: at,
      form: form)
  }

  func record(field structField: StructField, value: CXCursor, at: Place, form: BindingForm) {
    guard let location = at.location else { return }
    if c.kind(value) == CXCursor_FunctionDecl {
      let text = at.file.text.map { $0.line(at.line).trimmingCharacters(in: .whitespaces) } ?? ""
      facts.bindings.append(
        BindingFact(
          field: structField, function: SymbolID(c.usr(value)), functionName: c.spelling(value),
          location: location, text: text, form: form, container: currentVariable ?? currentFunction?.name))
    } else if let fn = currentFunction, let i = fn.parameters.firstIndex(where: { c.equal($0, value) }),
      c.isFunctionPointer(api.clang_getCursorType(value))
    {
      facts.parameterStores.append(
        ParameterStoreFact(
          function: fn.id, functionName: fn.name, parameterIndex: i, field: structField, location: location))
    }
  }
}
