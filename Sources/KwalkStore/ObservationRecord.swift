import Foundation
import GRDB
import KwalkCore

/// One monitoring or tuning fact of a unit (`ObservabilityFacts`), stored as sorted-key JSON under its kind. The
/// facts are read whole and joined in memory, so one table serves them all.
struct ObservationRecord: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "observation"
  /// The unit that produced it.
  var tu: String
  /// `read`, `default`, `sysctl`, `registration`, `mibTable`, `mibPrinter`, `proc`, `columns`, `counter`, `drop`,
  /// `helperCall`.
  var kind: String
  /// The fact as JSON.
  var payload: String

  enum Columns {
    static let tu = Column(CodingKeys.tu)
  }

  static func records(_ o: ObservabilityFacts, unit: String) throws -> [ObservationRecord] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    var out: [ObservationRecord] = []
    func add<T: Encodable>(_ kind: String, _ values: [T]) throws {
      for v in values {
        out.append(
          ObservationRecord(tu: unit, kind: kind, payload: String(decoding: try encoder.encode(v), as: UTF8.self)))
      }
    }
    try add("read", o.reads)
    try add("default", o.defaults)
    try add("sysctl", o.sysctlEntries)
    try add("registration", o.sysctlRegistrations)
    try add("mibTable", o.mibTables)
    try add("mibPrinter", o.mibPrinters)
    try add("proc", o.procEntries)
    try add("columns", o.procColumns)
    try add("counter", o.counters)
    try add("drop", o.drops)
    try add("helperCall", o.helperCalls)
    return out
  }

  /// Every stored fact, repeats dropped, sorted.
  static func load(_ db: Database) throws -> ObservabilityFacts {
    let decoder = JSONDecoder()
    var o = ObservabilityFacts()
    var seen: Set<String> = []
    for r in try ObservationRecord.fetchAll(db, sql: "SELECT * FROM observation ORDER BY kind, payload")
    where seen.insert(r.kind + "\u{0}" + r.payload).inserted {
      let data = Data(r.payload.utf8)
      switch r.kind {
      case "read": o.reads.append(try decoder.decode(DataReadFact.self, from: data))
      case "default": o.defaults.append(try decoder.decode(DataDefaultFact.self, from: data))
      case "sysctl": o.sysctlEntries.append(try decoder.decode(SysctlEntryFact.self, from: data))
      case "registration": o.sysctlRegistrations.append(try decoder.decode(SysctlRegistrationFact.self, from: data))
      case "mibTable": o.mibTables.append(try decoder.decode(MibTableFact.self, from: data))
      case "mibPrinter": o.mibPrinters.append(try decoder.decode(MibPrinterFact.self, from: data))
      case "proc": o.procEntries.append(try decoder.decode(ProcEntryFact.self, from: data))
      case "columns": o.procColumns.append(try decoder.decode(ProcColumnsFact.self, from: data))
      case "counter": o.counters.append(try decoder.decode(CounterUpdateFact.self, from: data))
      case "drop": o.drops.append(try decoder.decode(DropFact.self, from: data))
      case "helperCall": o.helperCalls.append(try decoder.decode(HelperCallFact.self, from: data))
      default: continue
      }
    }
    o.sort()
    return o
  }
}
