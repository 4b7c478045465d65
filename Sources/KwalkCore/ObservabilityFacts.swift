/// What a translation unit says about watching and tuning the stack: storage functions read, sysctl tables and
/// where they are registered, MIB tables and their printers, `/proc` files, counter increments and drop points.
public struct ObservabilityFacts: Hashable, Codable, Sendable {
  public var reads: [DataReadFact] = []
  public var defaults: [DataDefaultFact] = []
  public var sysctlEntries: [SysctlEntryFact] = []
  public var sysctlRegistrations: [SysctlRegistrationFact] = []
  public var mibTables: [MibTableFact] = []
  public var mibPrinters: [MibPrinterFact] = []
  public var procEntries: [ProcEntryFact] = []
  public var procColumns: [ProcColumnsFact] = []
  public var counters: [CounterUpdateFact] = []
  public var drops: [DropFact] = []
  public var helperCalls: [HelperCallFact] = []

  public init() {}

  /// Every list sorted by location (then by what it names), so extraction and loading give the same order.
  public mutating func sort() {
    reads.sort { ($0.location, $0.target) < ($1.location, $1.target) }
    defaults.sort { ($0.location, $0.target) < ($1.location, $1.target) }
    sysctlEntries.sort { ($0.location, $0.procname) < ($1.location, $1.procname) }
    sysctlRegistrations.sort { ($0.location, $0.table) < ($1.location, $1.table) }
    mibTables.sort { ($0.location, $0.table) < ($1.location, $1.table) }
    mibPrinters.sort { ($0.table, $0.functionName, $0.heading) < ($1.table, $1.functionName, $1.heading) }
    procEntries.sort { ($0.location, $0.name) < ($1.location, $1.name) }
    procColumns.sort { ($0.location, $0.functionName) < ($1.location, $1.functionName) }
    counters.sort { ($0.location, $0.counter, $0.via) < ($1.location, $1.counter, $1.via) }
    helperCalls.sort { ($0.location, $0.callee.usr) < ($1.location, $1.callee.usr) }
    drops.sort { ($0.location, $0.kind.rawValue, $0.reason ?? "") < ($1.location, $1.kind.rawValue, $1.reason ?? "") }
  }

  /// Adds `other`'s facts, dropping exact repeats (a header function is seen by every unit that includes it).
  public mutating func merge(_ other: ObservabilityFacts) {
    func union<T: Hashable>(_ a: inout [T], _ b: [T]) {
      var seen = Set(a)
      for x in b where seen.insert(x).inserted { a.append(x) }
    }
    union(&reads, other.reads)
    union(&defaults, other.defaults)
    union(&sysctlEntries, other.sysctlEntries)
    union(&sysctlRegistrations, other.sysctlRegistrations)
    union(&mibTables, other.mibTables)
    union(&mibPrinters, other.mibPrinters)
    union(&procEntries, other.procEntries)
    union(&procColumns, other.procColumns)
    union(&counters, other.counters)
    union(&drops, other.drops)
    union(&helperCalls, other.helperCalls)
  }
}
