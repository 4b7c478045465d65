import Foundation
import GRDB
import KwalkCore

/// A file a translation unit read, as it was then.
public struct InputFile: Hashable, Sendable {
  /// Absolute path.
  public var path: String
  public var size: Int64
  public var mtime: Double
  /// Content digest.
  public var hash: String

  public init(path: String, size: Int64, mtime: Double, hash: String) {
    self.path = path
    self.size = size
    self.mtime = mtime
    self.hash = hash
  }
}

/// What the store remembers about one parsed unit.
public struct StoredUnit: Hashable, Sendable {
  public var path: SourcePath
  public var inputsDigest: String
  public var inputs: [InputFile]
  public var diagnostics: ParseDiagnostics
  public var seconds: Double
}

extension FactStore {
  /// Every stored unit with its inputs.
  public func units() throws -> [SourcePath: StoredUnit] {
    try queue.read { db in
      var inputs: [String: [InputFile]] = [:]
      for r in try InputFileRecord.fetchAll(db) {
        inputs[r.tu, default: []].append(InputFile(path: r.file, size: r.size, mtime: r.mtime, hash: r.hash))
      }
      var out: [SourcePath: StoredUnit] = [:]
      for r in try TranslationUnitRecord.fetchAll(db) {
        out[SourcePath(r.path)] = StoredUnit(
          path: SourcePath(r.path), inputsDigest: r.inputsDigest, inputs: inputs[r.path] ?? [],
          diagnostics: ParseDiagnostics(
            warnings: r.warnings, errors: r.errors,
            firstErrors: r.firstErrors.isEmpty ? [] : r.firstErrors.components(separatedBy: "\n")),
          seconds: r.seconds)
      }
      return out
    }
  }

  /// Replaces what the store knows of one unit with fresh facts.
  ///
  /// The unit's own functions (those in its `.c` file) are replaced; header functions are stored once and
  /// refreshed by whichever unit parsed them last, since the same config gives every unit the same header.
  public func replace(unit facts: TranslationUnitFacts, inputsDigest: String, inputs: [InputFile], seconds: Double)
    throws
  {
    try queue.write { db in
      let tu = facts.file.value
      try db.execute(sql: "DELETE FROM translation_unit WHERE path = ?", arguments: [tu])
      try db.execute(sql: "DELETE FROM function WHERE tu = ? AND file = ?", arguments: [tu, tu])
      try TranslationUnitRecord(
        path: tu, inputsDigest: inputsDigest, warnings: facts.diagnostics.warnings, errors: facts.diagnostics.errors,
        firstErrors: facts.diagnostics.firstErrors.joined(separator: "\n"), seconds: seconds
      ).insert(db)
      for i in inputs {
        try InputFileRecord(tu: tu, file: i.path, size: i.size, mtime: i.mtime, hash: i.hash).insert(db)
      }
      let ids = Set(facts.functions.map(\.id.usr))
      for id in ids {
        try db.execute(sql: "DELETE FROM function WHERE usr = ?", arguments: [id])
      }
      for f in facts.functions {
        try FunctionRecord(
          usr: f.id.usr, name: f.name, file: f.location.path.value, line: f.location.line, column: f.location.column,
          startLine: f.startLine, endLine: f.endLine, isStatic: f.isStatic, isInline: f.isInline,
          signature: f.signature, parameters: f.parameters.joined(separator: ","), tu: tu
        ).insert(db, onConflict: .ignore)
      }
      for s in facts.callSites where ids.contains(s.caller.usr) { try Self.record(s).insert(db) }
      for b in facts.bindings {
        try BindingRecord(
          tu: tu, structName: b.field.structName, field: b.field.field, functionUSR: b.function.usr,
          functionName: b.functionName, file: b.location.path.value, line: b.location.line,
          column: b.location.column, text: b.text, form: b.form.rawValue, container: b.container,
          keys: b.keys.joined(separator: ",")
        ).insert(db)
      }
      for p in facts.parameterStores where ids.contains(p.function.usr) {
        try ParameterStoreRecord(
          function: p.function.usr, functionName: p.functionName, parameterIndex: p.parameterIndex,
          structName: p.field.structName, field: p.field.field, file: p.location.path.value,
          line: p.location.line, column: p.location.column
        ).insert(db)
      }
      for t in facts.tracepoints where ids.contains(t.caller.usr) {
        try TracepointRecord(
          caller: t.caller.usr, event: t.event, system: t.system, file: t.location.path.value,
          line: t.location.line, column: t.location.column
        ).insert(db)
      }
      for r in try ObservationRecord.records(facts.observability, unit: tu) { try r.insert(db) }
    }
  }

  /// Forgets a unit (its `.c` file is no longer indexed).
  public func remove(unit: SourcePath) throws {
    try queue.write { db in
      try db.execute(sql: "DELETE FROM translation_unit WHERE path = ?", arguments: [unit.value])
      try db.execute(sql: "DELETE FROM function WHERE tu = ? AND file = ?", arguments: [unit.value, unit.value])
    }
  }

  /// The version of the extractor that wrote the facts (0 for a store written before versions were kept).
  public func factsVersion() throws -> Int {
    try queue.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
  }

  /// Forgets every unit and marks the store as written by extractor `version`.
  public func resetFacts(version: Int) throws {
    try queue.write { db in
      for table in [
        "call_site", "binding", "parameter_store", "tracepoint", "function", "input_file", "discovery", "observation",
        "translation_unit",
      ] {
        try db.execute(sql: "DELETE FROM \(table)")
      }
      try db.execute(sql: "PRAGMA user_version = \(version)")
    }
  }

  /// Records why files were added.
  public func recordDiscovery(_ entries: [(file: SourcePath, reason: String, round: Int)]) throws {
    try queue.write { db in
      for e in entries {
        try DiscoveryRecord(file: e.file.value, reason: e.reason, round: e.round).insert(db, onConflict: .replace)
      }
    }
  }

  /// Why each file was added: file → (reason, round).
  public func discoveries() throws -> [SourcePath: (reason: String, round: Int)] {
    try queue.read { db in
      var out: [SourcePath: (String, Int)] = [:]
      for r in try DiscoveryRecord.fetchAll(db) { out[SourcePath(r.file)] = (r.reason, r.round) }
      return out
    }
  }

  static func record(_ s: CallSiteFact) -> CallSiteRecord {
    var targetKind = "function"
    var usr: String?
    var name = ""
    var structName: String?
    var index: Int?
    switch s.target {
    case .function(let id, let n):
      usr = id.usr
      name = n
    case .field(let f):
      targetKind = "field"
      structName = f.structName
      name = f.field
    case .variable(let n):
      targetKind = "variable"
      name = n
    case .parameter(let i, let n):
      targetKind = "parameter"
      index = i
      name = n
    }
    return CallSiteRecord(
      caller: s.caller.usr, file: s.location.path.value, line: s.location.line, column: s.location.column,
      kind: s.kind.rawValue, targetKind: targetKind, targetUSR: usr, targetName: name, structName: structName,
      parameterIndex: index, throughPointer: s.throughPointer, expression: s.expression, macroName: s.macro?.name,
      macroFile: s.macro?.definition?.path.value, macroLine: s.macro?.definition?.line, macroColumn: s.macro?.definition?.column,
      arguments: ArgumentCoding.encode(s.arguments), config: s.config.joined(separator: ","),
      guards: GuardCoding.encode(s.guards, callFile: s.location.path), placement: s.placement.rawValue)
  }
}
