import CClang
import Foundation
import KwalkCore

/// Monitoring and tuning facts in function bodies: storage read, counters incremented, drop points, `/proc` files
/// and their columns, sysctl tables registered. The conventions these rely on are in `ObservabilityConventions`.
extension ExtractionWalk {
  func beginObservations(layout: BodyLayout) {
    observation = ObservationState(layout: layout)
  }

  /// Records the pending facts of the function just walked, each placed by `place` (the body layout's placements).
  func endObservations(placing place: (Int?) -> (FactPlacement, Int)) {
    guard let state = observation, let fn = currentFunction else { return }
    observation = nil
    var seenReads: Set<DataTarget> = []
    var seen: Set<String> = []
    for p in state.pending {
      let (placement, segment) = place(p.offset)
      switch p.fact {
      case .read(let target, let location):
        guard seenReads.insert(target).inserted else { continue }
        facts.observability.reads.append(
          DataReadFact(function: fn.id, target: target, location: location, placement: placement))
      case .counter(let counter, let via, let location):
        guard seen.insert("c \(counter) \(location)").inserted else { continue }
        facts.observability.counters.append(
          CounterUpdateFact(
            function: fn.id, counter: counter, via: via, location: location, placement: placement, segment: segment))
      case .helper(let callee, let location):
        facts.observability.helperCalls.append(
          HelperCallFact(function: fn.id, callee: callee, location: location, placement: placement))
      case .drop(let kind, let callee, let reason, let location):
        guard seen.insert("d \(kind) \(reason ?? "") \(location)").inserted else { continue }
        facts.observability.drops.append(
          DropFact(
            function: fn.id, kind: kind, callee: callee, reason: reason, location: location, placement: placement,
            segment: segment))
      }
    }
  }

  /// Called for every cursor of a function body, in source order.
  func observe(_ cursor: CXCursor) {
    guard observation != nil else { return }
    switch c.kind(cursor) {
    case CXCursor_DeclRefExpr: observeReference(cursor)
    case CXCursor_MemberRefExpr: observeMember(cursor)
    case CXCursor_UnaryOperator: observeIncrement(cursor, operand: c.children(cursor).first, operators: ["++"])
    case CXCursor_CompoundAssignOperator: observeIncrement(cursor, operand: c.children(cursor).first, operators: ["+="])
    case CXCursor_BinaryOperator: observeAssignment(cursor)
    case CXCursor_CallExpr: observeCall(cursor)
    case CXCursor_StringLiteral:
      if let heading = ObservabilityConventions.heading(of: literal(cursor)) { observation?.lastHeading = heading }
    case CXCursor_VarDecl:
      if let initializer = c.children(cursor).last, let table = sysctlTable(initializer) {
        observation?.localTables[c.usr(cursor)] = table
      }
    default: break
    }
  }

  // MARK: Pending facts

  func add(_ fact: ObservationState.Pending, at p: Place?) {
    guard let state = observation else { return }
    state.pending.append((state.layout.offset(of: p), fact))
  }

  /// The outermost macro a cursor was expanded from, when it was.
  private func macro(around cursor: CXCursor) -> (name: String, at: Place)? {
    let loc = api.clang_getCursorLocation(cursor)
    guard let spelled = place(loc), let expanded = expansionPlace(loc), let text = expanded.file.text else {
      return nil
    }
    let name = text.identifier(at: expanded.offset)
    // A token pasted by a macro (`basefield##PKTS`) is placed at the expansion, where another name is written.
    let inMacro =
      spelled.file !== expanded.file || spelled.offset != expanded.offset
      || spelled.file.text?.identifier(at: spelled.offset) != c.spelling(cursor)
    return inMacro && !name.isEmpty ? (name, expanded) : nil
  }

  // MARK: References

  private func observeReference(_ ref: CXCursor) {
    let named = c.referenced(ref)
    switch c.kind(named) {
    case CXCursor_EnumConstantDecl:
      let constant = c.spelling(named)
      let enumName = c.spelling(api.clang_getCursorSemanticParent(named))
      if enumName == ObservabilityConventions.dropReasonEnum {
        let at = place(of: ref)
        if let location = at?.location { add(.drop(.reason, callee: nil, reason: constant, location), at: at) }
      } else if let m = macro(around: ref), ObservabilityConventions.isMibIncrementMacro(m.name),
        let location = m.at.location
      {
        add(.counter(.mib(constant), via: m.name, location), at: m.at)
      }
    case CXCursor_VarDecl where isGlobal(named) && isScalar(named):
      let at = place(of: ref)
      if let location = at?.location { add(.read(.variable(c.spelling(named)), location), at: at) }
    default: break
    }
  }

  private func observeMember(_ member: CXCursor) {
    let field = c.referenced(member)
    guard c.kind(field) == CXCursor_FieldDecl else { return }
    let structField = StructField(structName: c.structName(ofField: field), field: c.spelling(field))
    let chain = memberChain(member)
    let at = place(of: member)
    // A MIB table's names printed: the heading printed before them names the `/proc` line. A macro that walks the
    // names to sum the counters (`snmp_get_cpu_field_batch`) comes before the heading and prints nothing.
    if structField.structName == ObservabilityConventions.mibItemStruct, structField.field == "name",
      macro(around: member) == nil,
      let table = chain.root, let fn = currentFunction, let heading = observation?.lastHeading,
      observation?.printedTables.insert(table).inserted == true
    {
      facts.observability.mibPrinters.append(
        MibPrinterFact(table: table, function: fn.id, functionName: fn.name, heading: heading))
    }
    if chain.root != nil || chain.throughNamespace, isScalar(field), let location = at?.location {
      add(.read(.field(structField), location), at: at)
    }
    // `__this_cpu_inc(softnet_data.processed)`: the field written as an increment macro's argument.
    if let m = macro(around: member), ObservabilityConventions.isFieldIncrement(m.name), let at,
      at.file.text?.identifier(at: at.offset) == structField.field, let location = at.location
    {
      add(.counter(.field(structField), via: m.name, location), at: at)
    }
  }

  /// The global variable a member chain starts from, and whether it passes through `struct net`.
  func memberChain(_ member: CXCursor) -> (root: String?, rootType: String?, throughNamespace: Bool) {
    var e = member
    var through = false
    for _ in 0..<12 {
      let k = c.kind(e)
      if k == CXCursor_MemberRefExpr {
        let f = c.referenced(e)
        if c.structName(ofField: f) == ObservabilityConventions.namespaceStruct { through = true }
        guard let base = c.children(e).first else { break }
        e = c.stripped(base)
      } else if k == CXCursor_ArraySubscriptExpr, let base = c.children(e).first {
        e = c.stripped(base)
      } else if k == CXCursor_DeclRefExpr {
        let v = c.referenced(e)
        guard c.kind(v) == CXCursor_VarDecl, isGlobal(v) else { break }
        let type = structTag(api.clang_getCursorType(v))
        if type == ObservabilityConventions.namespaceStruct { through = true }
        return (c.spelling(v), type, through)
      } else {
        break
      }
    }
    return (nil, nil, through)
  }

  /// True for a number, a boolean or an enum: what a sysctl's `.data` points at (not structs, arrays or pointers).
  func isScalar(_ declaration: CXCursor) -> Bool {
    let k = api.clang_getCanonicalType(api.clang_getCursorType(declaration)).kind
    return (k.rawValue >= CXType_FirstBuiltin.rawValue && k.rawValue <= CXType_LastBuiltin.rawValue) || k == CXType_Enum
  }

  func isGlobal(_ variable: CXCursor) -> Bool {
    c.kind(api.clang_getCursorSemanticParent(variable)) == CXCursor_TranslationUnit
  }

  /// `net` for `struct net`, `ctl_table` for `struct ctl_table[36]`.
  func structTag(_ type: CXType) -> String {
    let s = c.library.string(api.clang_getTypeSpelling(api.clang_getCanonicalType(type)))
    guard s.hasPrefix("struct ") else { return "" }
    return String(s.dropFirst("struct ".count).prefix { $0.isLetter || $0.isNumber || $0 == "_" })
  }

  /// The global sysctl table an expression names, directly or through a local copy.
  func sysctlTable(_ expression: CXCursor) -> String? {
    let e = c.stripped(expression)
    guard c.kind(e) == CXCursor_DeclRefExpr else { return nil }
    let v = c.referenced(e)
    guard c.kind(v) == CXCursor_VarDecl else { return nil }
    if isGlobal(v) {
      let type = c.library.string(api.clang_getTypeSpelling(api.clang_getCanonicalType(api.clang_getCursorType(v))))
      return type.hasPrefix("struct \(ObservabilityConventions.sysctlTableStruct)") && type.contains("[")
        ? c.spelling(v) : nil
    }
    return observation?.localTables[c.usr(v)]
  }

  /// The text of a string literal cursor, unquoted, with `\n` read.
  func literal(_ cursor: CXCursor) -> String {
    var s = c.spelling(cursor)
    guard s.hasPrefix("\""), s.hasSuffix("\""), s.count >= 2 else { return "" }
    s = String(s.dropFirst().dropLast())
    return s.replacingOccurrences(of: "\\n", with: "\n")
  }

  // MARK: Increments and assignments

  /// `sd->dropped++`, `x->bytes += len`: a field incremented by an operator written in the source.
  private func observeIncrement(_ op: CXCursor, operand: CXCursor?, operators: [String]) {
    guard let operand, let span = extent(op), span.start.file === span.end.file, let text = span.start.file.text,
      span.start.offset < span.end.offset
    else { return }
    let written = text.text(span.start.offset..<min(text.bytes.count, span.end.offset))
    guard operators.contains(where: { written.contains($0) }) else { return }
    let target = c.stripped(operand)
    guard c.kind(target) == CXCursor_MemberRefExpr else { return }
    let field = c.referenced(target)
    guard c.kind(field) == CXCursor_FieldDecl, let at = place(of: target), let location = at.location else { return }
    let sf = StructField(structName: c.structName(ofField: field), field: c.spelling(field))
    add(.counter(.field(sf), via: operators[0], location), at: at)
  }

  /// `tbl = netns_core_table;` and the constants a function gives per-namespace fields (`net->ipv4.sysctl_… = 2;`).
  private func observeAssignment(_ op: CXCursor) {
    let kids = c.children(op)
    guard kids.count == 2, let l = extent(kids[0]), let r = extent(kids[1]), l.end.file === r.start.file,
      let text = l.end.file.text, l.end.offset <= r.start.offset,
      text.text(l.end.offset..<r.start.offset).trimmingCharacters(in: .whitespacesAndNewlines) == "="
    else { return }
    let lhs = c.stripped(kids[0])
    if c.kind(lhs) == CXCursor_DeclRefExpr, let table = sysctlTable(kids[1]) {
      observation?.localTables[c.usr(c.referenced(lhs))] = table
      return
    }
    guard c.kind(lhs) == CXCursor_MemberRefExpr, memberChain(lhs).throughNamespace, let fn = currentFunction,
      r.start.file === r.end.file, r.start.offset <= r.end.offset
    else { return }
    let value = SourceText.foldingWhitespace(text.text(r.start.offset..<min(text.bytes.count, r.end.offset)))
    guard value.range(of: #"^[0-9A-Z_ ()*+/<>x-]+$"#, options: .regularExpression) != nil,
      value.contains(where: { $0.isNumber || $0.isUppercase }), let location = r.start.location
    else { return }
    let field = c.referenced(lhs)
    let sf = StructField(structName: c.structName(ofField: field), field: c.spelling(field))
    facts.observability.defaults.append(
      DataDefaultFact(target: .field(sf), value: value, location: location, function: fn.name))
  }
}
