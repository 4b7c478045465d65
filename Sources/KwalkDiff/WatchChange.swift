import KwalkGraph

/// What to watch and tune at one function of a leg, where that differs between the versions: a sysctl that appeared,
/// went, or is read from other storage (6.12 moved `netdev_max_backlog` into `net_hotdata`), a counter incremented
/// there or no longer, a drop reason added or gone. Compared per function both paths pass, from the same facts
/// `kwalk knobs` prints, so a renamed function is compared under its new name only when both versions have it.
public struct WatchChange: Hashable, Codable, Sendable {
  public var function: String
  /// `+ name (storage)`, `- name (storage)`, or `~ name: old storage → new storage`.
  public var tunables: [String]
  /// `+ Ip: OutTransmits`, `- …`.
  public var counters: [String]
  /// `+ DEV_READY`, `- …`.
  public var dropReasons: [String]

  /// The changes on a leg, in the new path's order, over the functions both versions of the leg pass (a function
  /// with nothing to watch in one version has no step there).
  public static func between(_ o: PacketPath, _ old: LegObservations, _ n: PacketPath, _ new: LegObservations) -> [WatchChange] {
    let before = Dictionary(old.steps.map { ($0.function, $0.observations) }, uniquingKeysWith: merged)
    let after = Dictionary(new.steps.map { ($0.function, $0.observations) }, uniquingKeysWith: merged)
    let both = Set(o.functions).intersection(n.functions)
    var seen: Set<String> = []
    var out: [WatchChange] = []
    for function in n.functions where both.contains(function) && seen.insert(function).inserted {
      let (o, n) = (before[function], after[function])
      let change = WatchChange(
        function: function, tunables: tunables(o?.tunables ?? [], n?.tunables ?? []),
        counters: added(Set(o?.counters.map(\.name) ?? []), Set(n?.counters.map(\.name) ?? [])),
        dropReasons: added(
          Set(o?.drops.flatMap { $0.reasons.map(\.name) } ?? []), Set(n?.drops.flatMap { $0.reasons.map(\.name) } ?? [])))
      if !change.isEmpty { out.append(change) }
    }
    return out
  }

  public var isEmpty: Bool { tunables.isEmpty && counters.isEmpty && dropReasons.isEmpty }

  /// Every change, `; ` between them: `~ net.core.netdev_max_backlog: … ; + drop SKB_DROP_REASON_DEV_READY`.
  public var changes: String {
    (tunables + counters + dropReasons.map { $0.prefix(2) + "drop " + $0.dropFirst(2) }).joined(separator: "; ")
  }

  /// `enqueue_to_backlog: ` and the changes.
  public var line: String { "\(function): \(changes)" }

  static func merged(_ a: HopObservations, _ b: HopObservations) -> HopObservations {
    var m = a
    m.tunables += b.tunables
    m.counters += b.counters
    m.drops += b.drops
    return m
  }

  static func tunables(_ old: [Tunable], _ new: [Tunable]) -> [String] {
    let o = Dictionary(old.map { ($0.name, Set([$0.storage])) }, uniquingKeysWith: { $0.union($1) })
    let n = Dictionary(new.map { ($0.name, Set([$0.storage])) }, uniquingKeysWith: { $0.union($1) })
    var out: [String] = []
    for name in Set(o.keys).union(n.keys).sorted() {
      switch (o[name], n[name]) {
      case (nil, let s?): out.append("+ \(name) (\(s.sorted().joined(separator: ", ")))")
      case (let s?, nil): out.append("- \(name) (\(s.sorted().joined(separator: ", ")))")
      case (let a?, let b?) where a != b:
        out.append("~ \(name): \(a.sorted().joined(separator: ", ")) → \(b.sorted().joined(separator: ", "))")
      default: break
      }
    }
    return out
  }

  static func added(_ old: Set<String>, _ new: Set<String>) -> [String] {
    new.subtracting(old).sorted().map { "+ " + $0 } + old.subtracting(new).sorted().map { "- " + $0 }
  }
}
