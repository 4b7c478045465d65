import KwalkCore

/// The monitoring and tuning facts of an index with the lookups the join needs: per function, its reads, counters
/// and drops in source order; sysctl entries by the storage they bind; MIB names by enumerator.
public struct ObservabilityIndex: Sendable {
  /// Everything, sorted.
  public var facts: ObservabilityFacts
  public var readsByFunction: [SymbolID: [DataReadFact]] = [:]
  public var countersByFunction: [SymbolID: [CounterUpdateFact]] = [:]
  public var dropsByFunction: [SymbolID: [DropFact]] = [:]
  public var helpersByFunction: [SymbolID: [HelperCallFact]] = [:]
  /// Sysctl entries by the storage their `.data` points at.
  public var sysctlsByData: [DataTarget: [SysctlEntryFact]] = [:]
  /// Initial values by storage.
  public var defaultsByTarget: [DataTarget: [DataDefaultFact]] = [:]

  public init(_ facts: ObservabilityFacts) {
    self.facts = facts
    for r in facts.reads { readsByFunction[r.function, default: []].append(r) }
    for c in facts.counters { countersByFunction[c.function, default: []].append(c) }
    for d in facts.drops { dropsByFunction[d.function, default: []].append(d) }
    for h in facts.helperCalls { helpersByFunction[h.function, default: []].append(h) }
    for s in facts.sysctlEntries { if let d = s.data { sysctlsByData[d, default: []].append(s) } }
    for d in facts.defaults { defaultsByTarget[d.target, default: []].append(d) }
  }

  /// The paths a table is registered under (`net/core`), sorted.
  public func registrations(of table: String) -> [String] {
    Array(Set(facts.sysctlRegistrations.filter { $0.table == table }.map(\.path))).sorted()
  }
}
