import KwalkCore
import KwalkIndex

/// Asks the indexer for the files that name what a path's steps read and count, so that they can be named: the
/// sysctl tables that bind the storage a step reads (`.data = &…netdev_max_backlog`), the initializer of a global
/// struct those tables point into (`struct net_hotdata net_hotdata = {`), the constants a function gives
/// per-namespace fields (`->sysctl_tcp_ecn = 2`), the `SNMP_MIB_ITEM` tables that name a MIB enumerator, and the
/// `seq_printf` that prints a counted field as a `/proc` column. Text searches only choose files; the parse decides.
public struct ObservabilityDiscovery: Sendable {
  public let snapshot: IndexSnapshot

  public init(snapshot: IndexSnapshot) { self.snapshot = snapshot }

  public func requests(paths: [PacketPath]) -> [DiscoveryRequest] {
    let join = ObservabilityJoin(snapshot: snapshot)
    let o = snapshot.observations
    let onPath = Set(paths.flatMap { $0.hops.map(\.calleeID) + $0.hops.map(\.callerID) })
    var members: [SymbolID] = []
    for id in paths.flatMap({ $0.hops.map(\.calleeID) + $0.hops.prefix(1).map(\.callerID) }) {
      members += join.members(of: id, excluding: onPath).map(\.id)
    }
    let reads = members.flatMap { o.readsByFunction[$0] ?? [] }
    let counters = members.flatMap { o.countersByFunction[$0] ?? [] }
    let names = CounterNames(snapshot: snapshot)
    let name = paths.first?.walkthrough ?? ""
    var out: [DiscoveryRequest] = []

    // Storage with no sysctl entry yet.
    let unbound = Set(
      reads.map(\.target).filter { o.sysctlsByData[$0] == nil }.map { t -> String in
        if case .field(let f) = t { return f.field }
        return t.description
      }
    ).sorted()
    if !unbound.isEmpty {
      out.append(
        .pattern(
          #"\.data\s*=\s*&[A-Za-z0-9_.>-]*\b("# + unbound.joined(separator: "|") + #")\b"#, under: "net",
          reason: "a sysctl table for storage read on \(name)"))
    }
    // Defaults of bound storage.
    var structs: Set<String> = []
    var netnsFields: Set<String> = []
    for r in reads {
      guard let entry = o.sysctlsByData[r.target]?.first, o.defaultsByTarget[r.target] == nil else { continue }
      if entry.rootType == ObservabilityConventions.namespaceStruct, case .field(let f) = r.target {
        netnsFields.insert(f.field)
      } else if let t = entry.rootType, !t.isEmpty, case .field = r.target {
        structs.insert(t)
      }
    }
    for s in structs.sorted() {
      out.append(.pattern("^struct \(s) [A-Za-z_]+[^;(]*=", under: "net", reason: "the initializer of struct \(s)"))
    }
    if !netnsFields.isEmpty {
      let dirs = Set(reads.compactMap { r in o.sysctlsByData[r.target]?.first?.location.path.directory }).sorted()
      for d in dirs {
        out.append(
          .pattern(
            #"(->|\.)("# + netnsFields.sorted().joined(separator: "|") + #")\s*=\s*[0-9A-Z]"#, under: d,
            reason: "the per-namespace defaults of sysctls read on \(name)"))
      }
    }
    // MIB enumerators with no name yet.
    let unnamed = Set(
      counters.compactMap { c -> String? in
        guard case .mib(let m) = c.counter, names.mib[m] == nil, names.unpaired[m] == nil else { return nil }
        return m
      }
    ).sorted()
    if !unnamed.isEmpty {
      out.append(
        .pattern(
          #"\("[A-Za-z0-9]+",\s*("# + unnamed.joined(separator: "|") + #")\)"#, under: "net",
          reason: "the names of MIB counters incremented on \(name)"))
    }
    // Counted fields that no indexed `seq_printf` prints: a line that prints one beside another field.
    let fields = Set(
      counters.compactMap { c -> String? in
        guard case .field(let f) = c.counter, names.watched(c, function: "") == nil else { return nil }
        return f.field
      }
    ).sorted()
    if !fields.isEmpty {
      out.append(
        .pattern(
          #"[a-z_]+->("# + fields.joined(separator: "|") + #")\s*\)?\s*,\s*[a-z_]*\(?&?[a-z_]+->[a-z_]+"#,
          under: "net/core", reason: "a /proc line printing fields counted on \(name)"))
    }
    return out
  }
}
