import CClang
import Foundation
import KwalkCore

/// Calls that matter for monitoring and tuning: drops, field increments, `/proc` files and their columns, sysctl
/// registrations.
extension ExtractionWalk {
  func observeCall(_ call: CXCursor) {
    guard let fn = currentFunction else { return }
    let arguments = (0..<max(0, Int(api.clang_Cursor_getNumArguments(call)))).map {
      api.clang_Cursor_getArgument(call, UInt32($0))
    }
    let referenced = c.referenced(call)
    let callee = c.kind(referenced) == CXCursor_FunctionDecl ? c.spelling(referenced) : ""
    let at = place(of: call)
    let written = at.flatMap { p in p.file.text.map { $0.identifier(at: p.offset) == callee } } ?? false
    // Where a reader sees the call: the name, or the macro it came from.
    let shown = written ? at : expansionPlace(api.clang_getCursorLocation(call))
    guard let location = shown?.location else { return }

    // A file-local or inline helper whose facts its caller's hop takes in.
    if !callee.isEmpty {
      let def = c.definition(referenced)
      let d = c.isNull(def) ? referenced : def
      if api.clang_Cursor_getStorageClass(d) == CX_SC_Static || api.clang_Cursor_isFunctionInlined(d) != 0 {
        add(.helper(SymbolID(c.usr(d)), location), at: shown)
      }
    }
    // A drop: the callee takes a drop reason, or is the reason-less `kfree_skb`.
    if !callee.isEmpty, takesDropReason(referenced) || ObservabilityConventions.dropsWithoutReason.contains(callee) {
      let reason = arguments.lazy.compactMap { self.dropReason(in: $0) }.first
      add(.drop(.call, callee: callee, reason: reason, location), at: shown)
    }
    // `atomic_inc(&sd->dropped)`, `u64_stats_add(&lstats->bytes, len)`.
    if ObservabilityConventions.isFieldIncrement(callee), let first = arguments.first, isAddressOf(first) {
      let target = c.stripped(first)
      if c.kind(target) == CXCursor_MemberRefExpr, c.kind(c.referenced(target)) == CXCursor_FieldDecl,
        let p = place(of: target), let l = p.location
      {
        let f = c.referenced(target)
        add(
          .counter(.field(StructField(structName: c.structName(ofField: f), field: c.spelling(f))), via: callee, l),
          at: p)
      }
    }
    let strings = arguments.map { a -> String? in
      let e = c.stripped(a)
      return c.kind(e) == CXCursor_StringLiteral ? literal(e) : nil
    }
    // `proc_create_net_single("snmp", 0444, net->proc_net, snmp_seq_show, NULL)`.
    if ObservabilityConventions.isProcCreate(callee), let name = strings.compactMap({ $0 }).first {
      var show: String?
      var operations: String?
      for a in arguments {
        let e = c.stripped(a)
        guard c.kind(e) == CXCursor_DeclRefExpr else { continue }
        let v = c.referenced(e)
        if c.kind(v) == CXCursor_FunctionDecl { show = show ?? c.spelling(v) }
        if c.kind(v) == CXCursor_VarDecl, isGlobal(v) { operations = operations ?? c.spelling(v) }
      }
      facts.observability.procEntries.append(
        ProcEntryFact(name: name, show: show, operations: operations, location: location))
    }
    // `register_net_sysctl(&init_net, "net/core", net_core_table)`.
    if let path = strings.compactMap({ $0 }).first, path.contains("/") || path == "net",
      let table = arguments.lazy.compactMap({ self.sysctlTable($0) }).first
    {
      facts.observability.sysctlRegistrations.append(
        SysctlRegistrationFact(table: table, path: path, location: location))
    }
    // `seq_printf(seq, "%08x …", sd->processed, atomic_read(&sd->dropped), …)`: the columns of a `/proc` line.
    if ObservabilityConventions.isPrintf(callee), let format = strings.firstIndex(where: { $0 != nil }) {
      let columns = arguments.dropFirst(format + 1).map { printedField($0) }
      if columns.compactMap({ $0 }).count >= 2 {
        facts.observability.procColumns.append(
          ProcColumnsFact(function: fn.id, functionName: fn.name, columns: columns, location: location))
      }
    }
  }

  /// True when a function takes a packet and a drop reason (`kfree_skb_reason(skb, reason)`); a function that only
  /// converts reasons (`sk_rst_convert_drop_reason(reason)`) drops nothing.
  func takesDropReason(_ function: CXCursor) -> Bool {
    let n = max(0, Int(api.clang_Cursor_getNumArguments(function)))
    let types = (0..<n).map { i in
      c.library.string(
        api.clang_getTypeSpelling(api.clang_getCursorType(api.clang_Cursor_getArgument(function, UInt32(i)))))
    }
    return types.contains("enum \(ObservabilityConventions.dropReasonEnum)")
      && types.contains { $0.hasPrefix("struct \(ObservabilityConventions.packetStruct) *") }
  }

  /// The `SKB_DROP_REASON_*` an argument names.
  func dropReason(in argument: CXCursor) -> String? {
    let e = c.stripped(argument)
    guard c.kind(e) == CXCursor_DeclRefExpr else { return nil }
    let v = c.referenced(e)
    guard c.kind(v) == CXCursor_EnumConstantDecl,
      c.spelling(api.clang_getCursorSemanticParent(v)) == ObservabilityConventions.dropReasonEnum
    else { return nil }
    return c.spelling(v)
  }

  /// True when an argument is written `&…`.
  func isAddressOf(_ argument: CXCursor) -> Bool {
    guard let p = extent(argument)?.start, let text = p.file.text, p.offset < text.bytes.count else { return false }
    return text.bytes[p.offset] == UInt8(ascii: "&")
  }

  /// The field a printed value reads: `sd->processed`, or the one argument of a reader (`atomic_read(&sd->dropped)`).
  func printedField(_ argument: CXCursor) -> StructField? {
    var e = c.stripped(argument)
    if c.kind(e) == CXCursor_CallExpr, api.clang_Cursor_getNumArguments(e) == 1 {
      e = c.stripped(api.clang_Cursor_getArgument(e, 0))
    }
    guard c.kind(e) == CXCursor_MemberRefExpr else { return nil }
    let f = c.referenced(e)
    guard c.kind(f) == CXCursor_FieldDecl else { return nil }
    return StructField(structName: c.structName(ofField: f), field: c.spelling(f))
  }
}
