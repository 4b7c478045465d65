import KwalkCore
import KwalkIndex

/// Joins the monitoring and tuning facts of the index to a path's hops: for each step, the sysctls its function
/// (and the file-local or inline helpers it calls on its main line) reads, the counters it increments, and where it
/// can drop the packet with the reasons and counters that record it.
public struct ObservabilityJoin: Sendable {
  public let snapshot: IndexSnapshot
  let names: CounterNames
  /// How deep helpers are followed (`ip_rcv` → `ip_rcv_core`).
  public var helperDepth = 2

  public init(snapshot: IndexSnapshot) {
    self.snapshot = snapshot
    names = CounterNames(snapshot: snapshot)
  }

  /// One entry per hop of `path`, for the hop's callee; `entry` is for the leg's first caller.
  public func observations(for path: PacketPath) -> (entry: HopObservations?, hops: [HopObservations]) {
    let onPath = Set(path.hops.map(\.calleeID) + path.hops.map(\.callerID))
    let entry = path.hops.first.map {
      observations(of: $0.callerID, name: $0.caller, excluding: onPath, leavingBy: $0.callsiteLocation)
    }
    let hops = path.hops.enumerated().map { i, hop in
      let onward = i + 1 < path.hops.count && path.hops[i + 1].callerID == hop.calleeID
        ? path.hops[i + 1].callsiteLocation : nil
      return observations(of: hop.calleeID, name: hop.callee, excluding: onPath, leavingBy: onward)
    }
    return (entry, hops)
  }

  /// Where the packet stops following `function`'s main line: when the call the path leaves it by (`onward`) sits
  /// in a branch, the top-level statements after that branch run only if the branch falls through, which the index
  /// does not say (`tcp_data_queue` returns from its in-order branch, so its `tcp_data_queue_ofo(sk, skb)` at the
  /// end is not the in-order packet's; `__udp4_lib_rcv` returns `udp_unicast_rcv_skb`, so `Udp: NoPorts` after it
  /// counts packets no socket took). Nil when the path leaves by a main-line call or not at all.
  func mainLineEnd(of function: SymbolID, leavingBy onward: SourceLocation?) -> SourceLocation? {
    guard let onward,
      let call = (snapshot.callsByCaller[function] ?? []).first(where: { $0.location == onward }),
      call.placement != .mainLine
    else { return nil }
    return onward
  }

  /// The placement a main-line fact of `function` has on the path: a branch once it lies after `end`.
  func placement(_ p: FactPlacement, at location: SourceLocation, end: SourceLocation?) -> FactPlacement {
    guard p == .mainLine, let end, location.path == end.path, location.line > end.line else { return p }
    return .branch
  }

  /// The function and the helpers it calls, each with the worst placement of the calls that lead to it: a helper
  /// called after `end` (see `mainLineEnd`) is in a branch.
  func members(of function: SymbolID, excluding onPath: Set<SymbolID>, end: SourceLocation? = nil)
    -> [(id: SymbolID, placement: FactPlacement)]
  {
    var out: [(SymbolID, FactPlacement)] = [(function, .mainLine)]
    var seen: Set<SymbolID> = [function]
    var frontier: [(SymbolID, FactPlacement)] = [(function, .mainLine)]
    for depth in 0..<helperDepth {
      var next: [(SymbolID, FactPlacement)] = []
      for (f, placement) in frontier {
        // A helper that is itself a drop (`kfree_skb`) is a drop point of the caller, not a part of it.
        let dropCalls = Set(
          (snapshot.observations.dropsByFunction[f] ?? []).filter { $0.kind == .call }.map(\.location))
        for (callee, location) in helperCalls(of: f) {
          guard !onPath.contains(callee), !dropCalls.contains(location), snapshot.functions[callee] != nil,
            seen.insert(callee).inserted
          else {
            continue
          }
          let here = depth == 0 ? self.placement(.mainLine, at: location, end: end) : .mainLine
          next.append((callee, max(placement, here)))
        }
      }
      out += next
      frontier = next
    }
    return out
  }

  /// The calls on `function`'s main line whose facts its hop takes in: to a file-local or inline helper (the
  /// index's helper calls), and direct calls to a function defined in the same file (`ip_local_out` →
  /// `__ip_local_out`, which counts `Ip: OutRequests`: exported, so not a helper, but a part of the same step).
  func helperCalls(of function: SymbolID) -> [(callee: SymbolID, location: SourceLocation)] {
    var out = (snapshot.observations.helpersByFunction[function] ?? []).filter { $0.placement == .mainLine }.map {
      ($0.callee, $0.location)
    }
    guard let file = snapshot.functions[function]?.location.path else { return out }
    for call in snapshot.callsByCaller[function] ?? [] where call.kind == .direct && call.placement == .mainLine {
      guard case .function(let id, _) = call.target, snapshot.functions[id]?.location.path == file else { continue }
      out.append((id, call.location))
    }
    return out
  }

  func observations(
    of function: SymbolID, name: String, excluding onPath: Set<SymbolID>, leavingBy onward: SourceLocation? = nil
  ) -> HopObservations {
    let o = snapshot.observations
    var tunables: [Tunable] = []
    var counters: [WatchedCounter] = []
    var drops: [DropPoint] = []
    var seenTunables: Set<String> = []
    let end = mainLineEnd(of: function, leavingBy: onward)
    for (member, memberPlacement) in members(of: function, excluding: onPath, end: end) {
      let memberName = snapshot.functions[member]?.name ?? name
      for r in o.readsByFunction[member] ?? [] {
        for t in self.tunables(for: r, function: memberName) where seenTunables.insert(t.name).inserted {
          tunables.append(t)
        }
      }
      let updates = (o.countersByFunction[member] ?? []).map { u -> CounterUpdateFact in
        var u = u
        u.placement = max(memberPlacement, member == function ? placement(u.placement, at: u.location, end: end) : u.placement)
        return u
      }
      counters += updates.filter { $0.placement != .exit }.compactMap { names.watched($0, function: memberName) }
      // A reason that is not a drop (`SKB_NOT_DROPPED_YET`, `SKB_CONSUMED`) is no drop reason, and a call passed one
      // frees a packet that was used, not dropped.
      let facts = (o.dropsByFunction[member] ?? []).filter { $0.reason.map(ObservabilityConventions.isDropReason) ?? true }
      let reasons = facts.filter { $0.kind == .reason }
      for d in facts where d.kind == .call {
        var why: [DropPoint.Reason] = []
        if let r = d.reason {
          why = [DropPoint.Reason(name: r, at: place(d.location))]
        } else {
          var named: Set<String> = []
          why = reasons.filter { named.insert($0.reason ?? "").inserted }.map {
            DropPoint.Reason(name: $0.reason ?? "", at: place($0.location))
          }
        }
        let recorded = updates.filter { $0.placement != .mainLine && $0.segment == d.segment && d.segment != 0 }
          .compactMap { names.watched($0, function: memberName) }
        drops.append(
          DropPoint(function: memberName, call: d.callee ?? "", at: place(d.location), reasons: why, counters: recorded)
        )
      }
    }
    counters.sort { ($0.placement, $0.at.file, $0.at.line) < ($1.placement, $1.at.file, $1.at.line) }
    return HopObservations(function: name, tunables: tunables, counters: counters, drops: drops)
  }

  func tunables(for read: DataReadFact, function: String) -> [Tunable] {
    let o = snapshot.observations
    var out: [Tunable] = []
    for entry in o.sysctlsByData[read.target] ?? [] {
      let paths = o.registrations(of: entry.table)
      let d = (o.defaultsByTarget[read.target] ?? []).sorted {
        ($0.function != nil ? 1 : 0) < ($1.function != nil ? 1 : 0)
      }
      .first
      for path in paths.isEmpty ? ["?"] : paths {
        out.append(
          Tunable(
            name: path.replacingOccurrences(of: "/", with: ".") + "." + entry.procname,
            storage: read.target.description, function: function, read: place(read.location),
            entry: place(entry.location), defaultValue: d?.value, defaultAt: d.map { place($0.location) },
            perNamespace: entry.rootType == ObservabilityConventions.namespaceStruct))
      }
    }
    return out
  }

  func place(_ l: SourceLocation) -> Hop.Place { Hop.Place(file: l.path.value, line: l.line) }
}
