import KwalkCore

extension ObservabilityJoin {
  /// Every increment in the index of a counter a `/proc` file prints, by the name a user sees (`Tcp: OutSegs`),
  /// in source order: where else a counter can move than on a path.
  public func increments() -> [String: [WatchedCounter]] {
    var out: [String: [WatchedCounter]] = [:]
    for c in snapshot.observations.facts.counters {
      let function = snapshot.functions[c.function]?.name ?? c.function.usr
      guard let w = names.watched(c, function: function), !w.file.isEmpty else { continue }
      out[w.name, default: []].append(w)
    }
    return out
  }

  /// The names the index gives a MIB item printed as `item` (`InDatagrams` → `Udp: InDatagrams`), sorted.
  public func names(ofItem item: String) -> [String] {
    Set(names.allNames.filter { $0.name == item }.map(\.display)).sorted()
  }

  /// True when a MIB table of the index prints the counter (`Ip: OutTransmits` is in 6.12's, not in 6.1's).
  public func printsCounter(_ name: String) -> Bool {
    names.allNames.contains { $0.display == name }
  }
}

extension ObservabilityJoin {
  /// True when some MIB table of the index is printed under `heading` (`Ip`), or, for an empty heading, as `Name
  /// value` lines: a counter of a heading no table has is printed another way (`Icmp: InMsgs`, from `icmpmibmap`).
  public func printsHeading(_ heading: String) -> Bool {
    names.allNames.contains { $0.heading == heading }
  }
}
