import Foundation
import KwalkCore
import KwalkGraph
import KwalkTestSupport
import KwalkTrace
import Testing

/// The engine needs no hand-holding (issue #14, point 5): each shipped walkthrough, with every leg stripped down to
/// its entry and exit plus at most two of its waypoints (besides the `choices` below), gives the same routes as the
/// shipped spec, on real 6.1 and 6.12, when the route finder also has the stacks recorded for that walkthrough on a
/// running kernel (`Traces/loopback-6.18.trace`, recorded by `kwalk trace` on 6.18). The
/// waypoints kept are the ones the stripped route needs to find its way back (see `strip`), so the test says which
/// waypoints a leg still needs.
@Suite(.serialized) struct StrippedSpecTests {
  /// A leg's hops as the test compares them: who calls whom, and where.
  static func route(_ spec: WalkthroughSpec, graph: CallGraph, stacks: RecordedStacks? = nil) throws -> [[String]] {
    var finder = PathFinder(graph: graph, spec: spec)
    finder.findsAlternatives = false
    finder.stacks = stacks
    return try finder.paths().map { p in p.hops.map { "\($0.caller)>\($0.callee)@\($0.callsite.file):\($0.callsite.line)" } }
  }

  /// Waypoints that name a choice no `[scenario]` word can state yet, kept beside the two: which system call the
  /// program made (the dispatch reaches every one, and `sendto(2)` is the walkthrough's own choice), and the socket's
  /// own data-ready callback, where the reader's wait queue is (`sk_data_ready` is a pointer other socket users
  /// replace, and `try_to_wake_up` has many callers). Each is also a waypoint the spec says why it names.
  static let choices: Set<String> = ["__sys_sendto", "sock_def_readable"]

  /// Strips `leg` to none of its waypoints but `choices`, then adds back (at most twice) the first waypoint past the
  /// first hop where the route parts from `full`: the waypoints the leg still needs, and the routes they give.
  static func strip(_ spec: WalkthroughSpec, leg i: Int, graph: CallGraph, stacks: RecordedStacks, full: [[String]])
    -> (kept: [String], routes: [[String]]?)
  {
    let leg = spec.legs[i]
    func attempt(_ kept: [String]) -> [[String]]? {
      var s = spec
      s.legs[i].waypoints = leg.waypoints.filter { kept.contains($0) || choices.contains($0) }
      return try? route(s, graph: graph, stacks: stacks)
    }
    var kept: [String] = []
    var routes = attempt(kept)
    while routes != full && kept.count < 2 {
      // The shipped leg's hops from where the stripped route parts from it.
      let agreed = routes.map { zip($0[i], full[i]).prefix { $0 == $1 }.count } ?? 0
      let ahead = full[i].dropFirst(agreed).map { String($0.split(separator: ">")[1].split(separator: "@")[0]) }
      guard let w = leg.waypoints.first(where: { w in
        !kept.contains(w) && !choices.contains(w) && leg.names(of: w).contains(where: ahead.contains)
      })
      else { break }
      kept.append(w)
      routes = attempt(kept)
    }
    return (kept, routes)
  }

  /// The first hop where `got` parts from `want`, for the failure message.
  static func firstDifference(_ got: [[String]]?, _ want: [[String]]) -> String {
    guard let got else { return "no route" }
    for (l, (g, w)) in zip(got, want).enumerated() {
      for (n, (a, b)) in zip(g + [""], w + [""]).enumerated() where a != b {
        return "leg \(l + 1) hop \(n + 1): \(a.isEmpty ? "(end)" : a) instead of \(b.isEmpty ? "(end)" : b)"
      }
    }
    return "none"
  }

  /// The stacks `kwalk trace` recorded for each walkthrough.
  static let recorded: RecordedTrace = {
    let file = Fixtures.repository + "/Traces/loopback-6.18.trace"
    return try! TraceParser.parse(try! String(contentsOfFile: file, encoding: .utf8), source: file)
  }()

  func check(_ k: RealKernel) throws {
    for spec in k.workspace.specs {
      let stacks = try #require(Self.recorded.routeEvidence(for: spec.name), "no stacks of \(spec.name) in the fixture")
      let full = try Self.route(spec, graph: k.graph)
      for i in spec.legs.indices {
        let (kept, routes) = Self.strip(spec, leg: i, graph: k.graph, stacks: stacks, full: full)
        #expect(
          routes == full,
          "\(spec.name) [\(spec.legs[i].direction)] on \(k.snapshot.version) with waypoints \(kept): \(Self.firstDifference(routes, full))")
      }
    }
  }

  @Test func linux61() throws { try check(try RealKernel.v61.get()) }
  @Test func linux612() throws { try check(try RealKernel.v612.get()) }
}
