import KwalkGraph

extension PathDiffer {
  /// Each hop's callee under the spec's first name for it: a stop a kernel defines under another of the spec's names
  /// (`__netif_rx | netif_rx`, which 5.10 calls `netif_rx`) is aligned by the spec's name, so the two versions' hops
  /// into it are one position even when the newer kernel still defines the old name (6.1's `netif_rx` wrapper) and a
  /// rename by body similarity cannot pair them.
  static func specNames(_ path: PacketPath) -> [String] {
    var spec: [String: String] = [:]
    for stop in path.renamedStops {
      if let used = stop.used, spec[used] == nil { spec[used] = stop.name }
    }
    return path.hops.map { spec[$0.callee] ?? $0.callee }
  }

  /// The alignment with every position matched by the spec's name but whose callees differ marked `renamed`.
  static func specRenames(_ alignment: HopAlignment, _ o: [Hop], _ n: [Hop]) -> HopAlignment {
    var a = alignment
    for i in a.entries.indices where a.entries[i].relation == .same {
      if let x = a.entries[i].old.first, let y = a.entries[i].new.first, o[x].callee != n[y].callee {
        a.entries[i].relation = .renamed
      }
    }
    return a
  }
}
