import CClang
import Foundation
import KwalkCore

/// Global variables that matter for monitoring and tuning: sysctl tables (`struct ctl_table[]`), MIB name tables
/// (`struct snmp_mib[]`), and the initial values of globals and of global structs' fields.
extension ExtractionWalk {
  func observeVariable(_ variable: CXCursor) {
    guard api.clang_isCursorDefinition(variable) != 0, isGlobal(variable) else { return }
    let name = c.spelling(variable)
    var type = c.library.string(
      api.clang_getTypeSpelling(api.clang_getCanonicalType(api.clang_getCursorType(variable))))
    if type.hasPrefix("const ") { type.removeFirst("const ".count) }
    let list = c.children(variable).last.flatMap { c.kind($0) == CXCursor_InitListExpr ? $0 : nil }
    if type.hasPrefix("struct \(ObservabilityConventions.sysctlTableStruct)["), let list {
      for entry in c.children(list) where c.kind(entry) == CXCursor_InitListExpr { sysctlEntry(entry, table: name) }
    } else if type.hasPrefix("struct \(ObservabilityConventions.mibItemStruct)["), let list {
      var items: [MibItem] = []
      for entry in c.children(list) where c.kind(entry) == CXCursor_InitListExpr {
        let values = designated(entry)
        guard let n = values["name"].map({ c.stripped($0) }), c.kind(n) == CXCursor_StringLiteral,
          let e = values["entry"].map({ c.stripped($0) }), c.kind(e) == CXCursor_DeclRefExpr
        else { continue }
        items.append(MibItem(name: literal(n), constant: c.spelling(c.referenced(e))))
      }
      if !items.isEmpty, let location = place(of: variable)?.location {
        facts.observability.mibTables.append(MibTableFact(table: name, items: items, location: location))
      }
    } else if let list, type.hasPrefix("struct ") && !type.contains("[") {
      // `struct net_hotdata net_hotdata = { .netdev_budget = 300, … }`.
      let tag = structTag(api.clang_getCursorType(variable))
      for (field, value) in designated(list) {
        guard c.kind(c.stripped(value)) != CXCursor_InitListExpr, let d = initialValue(value) else { continue }
        facts.observability.defaults.append(
          DataDefaultFact(target: .field(StructField(structName: tag, field: field)), value: d.value, location: d.at))
      }
    } else if list == nil, !type.contains("["), let last = c.children(variable).last,
      c.kind(last) != CXCursor_TypeRef, let d = initialValue(last)
    {
      facts.observability.defaults.append(DataDefaultFact(target: .variable(name), value: d.value, location: d.at))
    }
  }

  private func sysctlEntry(_ entry: CXCursor, table: String) {
    let values = designated(entry)
    guard let p = values["procname"].map({ c.stripped($0) }), c.kind(p) == CXCursor_StringLiteral,
      let location = place(of: p)?.location
    else { return }
    var data: DataTarget?
    var rootType: String?
    if let d = values["data"] {
      let e = c.stripped(d)
      if c.kind(e) == CXCursor_MemberRefExpr {
        let f = c.referenced(e)
        data = .field(StructField(structName: c.structName(ofField: f), field: c.spelling(f)))
        let chain = memberChain(e)
        rootType = chain.throughNamespace ? ObservabilityConventions.namespaceStruct : chain.rootType
      } else if c.kind(e) == CXCursor_DeclRefExpr, c.kind(c.referenced(e)) == CXCursor_VarDecl {
        data = .variable(c.spelling(c.referenced(e)))
        rootType = structTag(api.clang_getCursorType(c.referenced(e)))
      }
    }
    facts.observability.sysctlEntries.append(
      SysctlEntryFact(table: table, procname: literal(p), data: data, rootType: rootType, location: location))
  }

  /// The designated fields of an initializer list and their values, by field name.
  func designated(_ list: CXCursor) -> [String: CXCursor] {
    var out: [String: CXCursor] = [:]
    for child in c.children(list) {
      let parts = c.kind(child) == CXCursor_UnexposedExpr ? c.children(child) : []
      guard let designator = parts.last(where: { c.kind($0) == CXCursor_MemberRef }), let last = parts.last,
        c.kind(last) != CXCursor_MemberRef
      else { continue }
      out[c.spelling(c.referenced(designator))] = last
    }
    return out
  }

  /// An initializer as written, when it is in one file.
  private func initialValue(_ value: CXCursor) -> (value: String, at: SourceLocation)? {
    guard let span = extent(value), span.start.file === span.end.file, let text = span.start.file.text,
      span.start.offset < span.end.offset, let at = span.start.location
    else { return nil }
    let v = SourceText.foldingWhitespace(text.text(span.start.offset..<min(text.bytes.count, span.end.offset)))
    return v.isEmpty || v.count > 80 ? nil : (v, at)
  }
}
