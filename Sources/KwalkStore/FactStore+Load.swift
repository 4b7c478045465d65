import Foundation
import GRDB
import KwalkCore

/// Every fact in a store, deduplicated.
public struct StoredFacts: Sendable {
  public var functions: [FunctionFact]
  public var callSites: [CallSiteFact]
  public var bindings: [BindingFact]
  public var parameterStores: [ParameterStoreFact]
  public var tracepoints: [TracepointSiteFact]
  /// Monitoring and tuning facts, repeats from shared headers dropped.
  public var observability = ObservabilityFacts()
}

extension FactStore {
  /// Reads all facts, sorted deterministically.
  public func loadAll() throws -> StoredFacts {
    try queue.read { db in
      let functions = try FunctionRecord.fetchAll(db, sql: "SELECT * FROM function ORDER BY file, line, usr").map {
        r in
        FunctionFact(
          id: SymbolID(r.usr), name: r.name, location: SourceLocation(path: SourcePath(r.file), line: r.line, column: r.column),
          startLine: r.startLine, endLine: r.endLine, isStatic: r.isStatic, isInline: r.isInline,
          signature: r.signature, parameters: r.parameters.isEmpty ? [] : r.parameters.components(separatedBy: ","))
      }
      let calls = try CallSiteRecord.fetchAll(
        db, sql: "SELECT * FROM call_site ORDER BY file, line, \"column\", caller, targetName"
      ).map(Self.fact)
      var seenBindings: Set<String> = []
      let bindings = try BindingRecord.fetchAll(
        db, sql: "SELECT * FROM binding ORDER BY file, line, \"column\", structName, field, functionName"
      ).compactMap { r -> BindingFact? in
        // A header's binding is seen by every unit that includes it; keep one.
        guard seenBindings.insert("\(r.file):\(r.line):\(r.column):\(r.structName).\(r.field)").inserted else {
          return nil
        }
        return BindingFact(
          field: StructField(structName: r.structName, field: r.field), function: SymbolID(r.functionUSR),
          functionName: r.functionName, location: SourceLocation(path: SourcePath(r.file), line: r.line, column: r.column),
          text: r.text, form: BindingForm(rawValue: r.form) ?? .assignment, container: r.container,
          keys: r.keys.isEmpty ? [] : r.keys.components(separatedBy: ","))
      }
      let stores = try ParameterStoreRecord.fetchAll(db, sql: "SELECT * FROM parameter_store ORDER BY file, line").map {
        r in
        ParameterStoreFact(
          function: SymbolID(r.function), functionName: r.functionName, parameterIndex: r.parameterIndex,
          field: StructField(structName: r.structName, field: r.field),
          location: SourceLocation(path: SourcePath(r.file), line: r.line, column: r.column))
      }
      let traces = try TracepointRecord.fetchAll(db, sql: "SELECT * FROM tracepoint ORDER BY file, line, event").map {
        r in
        TracepointSiteFact(
          caller: SymbolID(r.caller), event: r.event, system: r.system,
          location: SourceLocation(path: SourcePath(r.file), line: r.line, column: r.column))
      }
      var stored = StoredFacts(
        functions: functions, callSites: calls, bindings: bindings, parameterStores: stores, tracepoints: traces)
      stored.observability = try ObservationRecord.load(db)
      return stored
    }
  }

  static func fact(_ r: CallSiteRecord) -> CallSiteFact {
    let target: CallTarget
    switch r.targetKind {
    case "field": target = .field(StructField(structName: r.structName ?? "", field: r.targetName))
    case "variable": target = .variable(name: r.targetName)
    case "parameter": target = .parameter(index: r.parameterIndex ?? -1, name: r.targetName)
    default: target = .function(SymbolID(r.targetUSR ?? ""), name: r.targetName)
    }
    let macro = r.macroName.map {
      MacroUse(
        name: $0,
        definition: r.macroFile.map { SourceLocation(path: SourcePath($0), line: r.macroLine ?? 0, column: r.macroColumn ?? 1) })
    }
    let file = SourcePath(r.file)
    return CallSiteFact(
      caller: SymbolID(r.caller), location: SourceLocation(path: file, line: r.line, column: r.column),
      kind: CallKind(rawValue: r.kind) ?? .direct, target: target, throughPointer: r.throughPointer,
      expression: r.expression, macro: macro, arguments: ArgumentCoding.decode(r.arguments),
      config: r.config.isEmpty ? [] : r.config.components(separatedBy: ","),
      guards: GuardCoding.decode(r.guards, callFile: file), placement: FactPlacement(rawValue: r.placement) ?? .mainLine)
  }
}
