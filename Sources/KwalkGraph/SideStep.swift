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
      for e in graph.edges(from: hop.callerID)
      where e.kind != .softirq && !onRoute.contains(e.callee) && e.site.location != hop.callsiteLocation {
        // Calls that run whenever the function does, and calls the scenario (not the family) says do not run.
        let ruledOut = evidence(e).ruling.map { $0.term != "family" } ?? false
        let always = e.site.placement == .mainLine && e.site.guards.isEmpty && evidence(e).ruling == nil
        guard always || ruledOut, graph.function(e.callee) != nil, seen.insert(e.callee).inserted, shown.count < 6
        else { continue }
        guard let (reason, ruling) = notable(e) else { continue }
        shown.append(
          SideStep(
            hop: i, caller: hop.caller, callee: graph.name(e.callee), kind: e.kind, callsite: place(e), reason: reason,
            ruledOut: ruling))
      }
      out += shown
    }
    return out
  }

  /// Why `e` is worth showing beside the route, if it is: the scenario rules it (or a call under it) out, it
  /// appends to a queue, or it fires a tracepoint itself or in a function it calls.
  func notable(_ e: CallEdge) -> (String, RouteEvidence.Ruling?)? {
    if let r = evidence(e).ruling { return ("does not run here (\(r.term): \(r.reason))", r) }
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
        for x in graph.edges(from: f) where x.kind != .softirq && seen.insert(x.callee).inserted {
          if let r = evidence(x).ruling, r.term != "family", depth == 0 {
            return ("returns at once here: \(graph.name(x.callee)) is ruled out (\(r.term))", r)
          }
          if graph.function(x.callee) != nil { next.append(x.callee) }
        }
      }
      frontier = next
    }
    return nil
  }
}
