import Foundation
import KwalkCore
import KwalkGraph
import KwalkTestSupport
import Testing

/// The engine needs no hand-holding (issue #14, point 5): each shipped walkthrough, with every leg stripped down to
/// its entry and exit plus at most two of its waypoints, gives the same routes as the shipped spec, on real 6.1
/// and 6.12. The two waypoints are chosen greedily (the one that makes the most of the route right first), so the
/// test says which waypoints a leg still needs.
@Suite(.serialized) struct StrippedSpecTests {
  /// A leg's hops as the test compares them: who calls whom, and where.
  static func route(_ spec: WalkthroughSpec, graph: CallGraph) throws -> [[String]] {
    var finder = PathFinder(graph: graph, spec: spec)
    finder.findsAlternatives = false
    return try finder.paths().map { p in p.hops.map { "\($0.caller)>\($0.callee)@\($0.callsite.file):\($0.callsite.line)" } }
  }

  static func commonPrefix(_ a: [[String]], _ b: [[String]]) -> Int {
    zip(a.joined(), b.joined()).prefix { $0 == $1 }.count
  }

  /// The fewest of `leg`'s waypoints (at most two, greedily) that give `full`, or the best two when none do.
  static func strip(_ spec: WalkthroughSpec, leg i: Int, graph: CallGraph, full: [[String]]) -> (kept: [String], routes: [[String]]?) {
    let leg = spec.legs[i]
    func attempt(_ kept: [String]) -> [[String]]? {
      var s = spec
      s.legs[i].waypoints = leg.waypoints.filter { kept.contains($0) }
      return try? route(s, graph: graph)
    }
    var kept: [String] = []
    var best = attempt(kept)
    while best != full && kept.count < 2 {
      var choice: (String, [[String]]?, Int)?
      for w in leg.waypoints where !kept.contains(w) {
        let r = attempt(kept + [w])
        let score = r.map { r in r == full ? Int.max : commonPrefix(r, full) } ?? -1
        if choice == nil || score > choice!.2 { choice = (w, r, score) }
      }
      guard let (w, r, _) = choice else { break }
      kept.append(w)
      best = r
    }
    return (kept, best)
  }

  func check(_ k: RealKernel) throws {
    for spec in k.workspace.specs {
      let full = try Self.route(spec, graph: k.graph)
      for i in spec.legs.indices {
        let (kept, routes) = Self.strip(spec, leg: i, graph: k.graph, full: full)
        #expect(
          routes == full,
          "\(spec.name) [\(spec.legs[i].direction)] on \(k.snapshot.version) with waypoints \(kept) differs from the shipped spec")
      }
    }
  }

  @Test func linux61() throws { try check(try RealKernel.v61.get()) }
  @Test func linux612() throws { try check(try RealKernel.v612.get()) }
}
