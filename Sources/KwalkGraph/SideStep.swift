import KwalkCore

/// Work a function on the route does to the packet beside the route: a call it makes on its main line that
/// returns before the packet moves on (a tracepoint-firing helper, a queue append, a netfilter hook that finds no
/// rules), or a call the scenario says does not run here (the packet taps with no tap open).
public struct SideStep: Hashable, Codable, Sendable {
  /// The hop whose caller makes the call (0-based, in the leg's hops).
  public var hop: Int
  public var caller: String
  public var callee: String
  public var kind: EdgeKind
  public var callsite: Hop.Place
  /// Why a reader should see it: `fires skb:consume_skb`, `queues the packet`.
  public var reason: String
  /// Set when the scenario says the call does not run, or returns at once, here.
  public var ruledOut: RouteEvidence.Ruling?
}

extension PathFinder {
  /// The side steps of a leg's hops.
  func sideSteps(of hops: [Hop]) -> [SideStep] {
    let onRoute = Set(hops.map(\.calleeID) + hops.prefix(1).map(\.callerID))
    var out: [SideStep] = []
    for (i, hop) in hops.enumerated() where hop.kind != .softirq {
      var shown: [SideStep] = []
      var seen: Set<SymbolID> = []
      // Several calls under one ruled-out condition are one side step: the largest callee stands for them.
      var byRuling: [String: Int] = [:]
      for e in graph.edges(from: hop.callerID)
      where e.kind != .softirq && !onRoute.contains(e.callee) && e.site.location != hop.callsiteLocation {
        // Calls that run whenever the function does, and calls the scenario (not the family) says do not run.
        let ruledOut = evidence(e).ruling.map { $0.term != "family" } ?? false
        let always = e.site.placement == .mainLine && e.site.guards.isEmpty && evidence(e).ruling == nil
        guard always || ruledOut, graph.function(e.callee) != nil, seen.insert(e.callee).inserted else { continue }
        guard let (reason, ruling) = notable(e) else { continue }
        let step = SideStep(
          hop: i, caller: hop.caller, callee: graph.name(e.callee), kind: e.kind, callsite: place(e), reason: reason,
          ruledOut: ruling)
        if let r = ruling, ruledOut {
          let key = "\(r.term)|\(r.reason)"
          if let k = byRuling[key] {
            if size(e.callee) > size(graph.resolve(name: shown[k].callee) ?? e.callee) { shown[k] = step }
            continue
          }
          byRuling[key] = shown.count
        }
        guard shown.count < 6 else { continue }
        shown.append(step)
      }
      out += shown
    }
    return out
  }

  /// Why `e` is worth showing beside the route, if it is: the scenario rules it (or a call under it) out, it
  /// appends to a queue, or it fires a tracepoint itself or in a function it calls.
  func notable(_ e: CallEdge) -> (String, RouteEvidence.Ruling?)? {
    if let r = evidence(e).ruling { return ("does not run here (\(r.term): \(r.reason) at \(r.file):\(r.line))", r) }
    if drops(e) { return nil }
    let name = graph.name(e.callee)
    if name.hasSuffix("queue_tail") || name.hasSuffix("queue_head") { return ("queues the packet", nil) }
    var frontier = [e.callee]
    var seen: Set<SymbolID> = [e.callee]
    for depth in 0..<2 {
      var next: [SymbolID] = []
      for f in frontier {
        if let t = graph.snapshot.tracepointsByCaller[f]?.first {
          return ("fires \(t.system):\(t.event)" + (depth == 0 ? "" : " in \(graph.name(f))"), nil)
        }
        for x in graph.edges(from: f) where x.kind != .softirq && !drops(x) && seen.insert(x.callee).inserted {
          if let r = evidence(x).ruling, r.term != "family", depth == 0 {
            return ("runs, but its part under \(r.reason) at \(r.file):\(r.line) does not (\(r.term))", r)
          }
          if graph.function(x.callee) != nil { next.append(x.callee) }
        }
      }
      frontier = next
    }
    return nil
  }

  /// A call that frees the packet as dropped (it passes an `SKB_DROP_REASON_*`, its callee takes a drop reason, or
  /// it is a drop without one): the
  /// Drops box shows those, they are not work beside the route.
  func drops(_ e: CallEdge) -> Bool {
    if case .function(_, let name) = e.site.target, ObservabilityConventions.dropsWithoutReason.contains(name) { return true }
    if graph.function(e.callee)?.signature.contains(ObservabilityConventions.dropReasonEnum) == true { return true }
    return e.site.arguments.contains {
      if case .enumConstant(let c) = $0 { return c.hasPrefix("SKB_DROP_REASON_") }
      return false
    }
  }

  /// How many calls a function makes: the larger of two callees is the more telling name for a side step.
  func size(_ f: SymbolID) -> Int { graph.snapshot.callsByCaller[f]?.count ?? 0 }
}
