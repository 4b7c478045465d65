extension PathDiffer {
  /// Guards only one side has; a removed and an added guard of the same polarity, in order, are a rename.
  static func configChange(old: [String], new: [String]) -> ConfigChange? {
    var gone = old.filter { !new.contains($0) }
    var came = new.filter { !old.contains($0) }
    var renamed: [ConfigChange.Rename] = []
    for g in gone {
      if let i = came.firstIndex(where: { $0.hasPrefix("!") == g.hasPrefix("!") }) {
        renamed.append(ConfigChange.Rename(old: g, new: came[i]))
        came.remove(at: i)
        gone.removeAll { $0 == g }
      }
    }
    guard !gone.isEmpty || !came.isEmpty || !renamed.isEmpty else { return nil }
    return ConfigChange(appeared: came, disappeared: gone, renamed: renamed)
  }

  /// Events fired at this position in one version only; moves along the path are settled per leg.
  static func tracepointChange(old: [String], new: [String]) -> TracepointChange? {
    let o = unique(old)
    let n = unique(new)
    let added = n.filter { !o.contains($0) }
    let removed = o.filter { !n.contains($0) }
    guard !added.isEmpty || !removed.isEmpty else { return nil }
    return TracepointChange(added: added, removed: removed, movedHere: [], movedAway: [])
  }

  static func unique(_ xs: [String]) -> [String] {
    var seen: Set<String> = []
    return xs.filter { seen.insert($0).inserted }
  }

  /// An event removed at one position and added at another moved between the two functions.
  static func settleTracepointMoves(_ hops: inout [HopDiff]) {
    for i in hops.indices {
      for event in hops[i].tracepoints?.removed ?? [] {
        guard let j = hops.indices.first(where: { $0 != i && hops[$0].tracepoints?.added.contains(event) == true })
        else { continue }
        let from = hops[i].old.last?.callee ?? "?"
        let to = hops[j].new.last?.callee ?? "?"
        hops[i].tracepoints?.removed.removeAll { $0 == event }
        hops[i].tracepoints?.movedAway.append("\(event) → \(to)")
        hops[j].tracepoints?.added.removeAll { $0 == event }
        hops[j].tracepoints?.movedHere.append("\(event) ← \(from)")
      }
    }
    for i in hops.indices {
      if let t = hops[i].tracepoints, t.added.isEmpty, t.removed.isEmpty, t.movedHere.isEmpty, t.movedAway.isEmpty {
        hops[i].tracepoints = nil
      }
    }
  }
}
