import KwalkCore

/// How a leg's softirq comes to run (`runs:`): the chain from a function on the previous leg, through the spec's
/// stops, to the leg's entry.
///
/// The chain starts where the spec says when its first stop is on the previous leg. Otherwise kwalk finds the start:
/// the outermost function on the previous leg that disables bottom halves before the call carrying the packet on and
/// enables them after it (`BottomHalves`). Its enable is the one that brings the count back to zero, so that is
/// where the softirq raised further down the leg runs. That differs between versions: 5.10's `ip_finish_output2`
/// holds `rcu_read_lock_bh()` around the whole transmit, so there `__dev_queue_xmit`'s own enable is nested and runs
/// nothing, while 6.1 dropped that lock and the softirq runs at `__dev_queue_xmit`'s `rcu_read_unlock_bh()`.
extension PathFinder {
  func runHops(_ leg: WalkthroughSpec.Leg, after before: PacketPath, entry: SymbolID) throws -> [Hop] {
    let stops = try leg.resolveRuns(walkthrough: spec.name) { graph.resolve(name: $0) }.compactMap(\.id)
    if let first = stops.first, before.hops.contains(where: { $0.callerID == first || $0.calleeID == first }) {
      return try route(through: stops + [entry]).0
    }
    guard let enable = bottomHalfEnable(on: before) else {
      throw PathError.noRunsStart(leg: before.direction, walkthrough: spec.name, written: leg.runs.first ?? "")
    }
    var through = [enable.callee]
    if graph.name(enable.callee) != BottomHalves.enable, let id = graph.resolve(name: BottomHalves.enable) {
      through.append(id)
    }
    let first = Hop(edge: enable, graph: graph, context: nil)
    return try [first] + route(through: through + stops + [entry]).0
  }

  /// The call that enables bottom halves again in the outermost function of `leg` that brackets its onward call
  /// with a disable before and an enable after.
  func bottomHalfEnable(on leg: PacketPath) -> CallEdge? {
    for hop in leg.hops where hop.kind != .softirq {
      guard let onward = hop.callsiteLocation,
        let call = graph.edges(from: hop.callerID).first(where: { $0.site.location == onward && $0.callee == hop.calleeID })
      else { continue }
      let sites = graph.edges(from: hop.callerID)
      let disables = sites.contains { $0.site.location < onward && reaches(BottomHalves.disable, through: $0) }
      guard disables else { continue }
      let enables = sites.filter { onward < $0.site.location && reaches(BottomHalves.enable, through: $0) }
      if let chosen = Self.matchingEnable(enables, for: call.site.guards) { return chosen }
    }
    return nil
  }

  /// Of the enables after the onward call, the one that call leaves through: the nearest in its own block (5.10's
  /// `ip_finish_output2` enables right after `neigh_output`), else the last one in an enclosing block, the shared
  /// exit every branch jumps to (`out:` in `__dev_queue_xmit`, after the `drop:` that failures take).
  static func matchingEnable(_ enables: [CallEdge], for guards: [BranchGuard]) -> CallEdge? {
    let ordered = enables.sorted { $0.site.location < $1.site.location }
    if let same = ordered.first(where: { $0.site.guards == guards }) { return same }
    return ordered.last { guards.starts(with: $0.site.guards) }
  }

  /// Whether `edge` calls `name`, directly or through inline functions only (a real function in between, such as
  /// `lock_sock`, disables and enables again inside itself and changes nothing for its caller).
  func reaches(_ name: String, through edge: CallEdge, depth: Int = BottomHalves.inlineDepth) -> Bool {
    if graph.name(edge.callee) == name { return true }
    guard depth > 0, graph.function(edge.callee)?.isInline == true else { return false }
    return graph.edges(from: edge.callee).contains { reaches(name, through: $0, depth: depth - 1) }
  }
}
