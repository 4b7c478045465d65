import KwalkCore

extension PathFinder {
  /// The branch points of one route to `target`: every function on it with another way out that still reaches
  /// `target` no more than `branchSlack` worse (rulings aside), each with its best few routes not taken. A route
  /// not taken that misses a function of `fromStacks` (frames the recorded stacks showed on the taken one) says so,
  /// and the branch point says the stacks decided it.
  func branchPoints(along found: Found, to target: SymbolID, fromStacks: Set<SymbolID> = []) -> [BranchPoint] {
    guard !found.edges.isEmpty else { return [] }
    let toGo = costToGo(target)
    let costs = found.edges.map { evidence($0).cost }
    var remaining = [Int](repeating: 0, count: costs.count + 1)
    for i in stride(from: costs.count - 1, through: 0, by: -1) { remaining[i] = remaining[i + 1] + costs[i] }
    let onRoute = found.states.map(\.function)
    var out: [BranchPoint] = []
    for (i, taken) in found.edges.enumerated() {
      let state = found.states[i]
      var others: [(edge: CallEdge, cost: Int)] = []
      var seen: Set<EdgeKey> = [EdgeKey(taken)]
      for e in usableEdges(from: state) where seen.insert(EdgeKey(e)).inserted {
        guard let rest = e.callee == target ? 0 : toGo[e.callee] else { continue }
        let total = evidence(e).cost + rest
        guard Self.plain(total) <= Self.plain(remaining[i]) + branchSlack else { continue }
        others.append((e, total))
      }
      others.sort { $0.cost < $1.cost }
      // The estimate is out of context (parameter calls reach everything ever passed); each candidate is searched
      // again with what this route passed, and only the routes that exist that way are shown.
      var routes: [BranchPoint.Route] = []
      var conditions: [BranchPoint.Condition?] = []
      let rejoining = Set(onRoute[(i + 1)...])
      let behind = Set(onRoute[...i])
      let shown = onRoute[(i + 1)...].filter(fromStacks.contains)
      // The frames some route not taken misses: what the stacks decided here.
      var decisive: Set<SymbolID> = []
      for (e, estimate) in others where routes.count < 3 {
        let next = State(function: e.callee, arguments: bindArguments(e, from: state))
        let firstCost = evidence(e).cost
        guard let rest = search(from: next, to: target, limit: estimate - firstCost + branchSlack) else { continue }
        let edges = [e] + rest.edges
        // A route back through the branch point or a function before it is the taken route with a detour.
        guard !edges.contains(where: { behind.contains($0.callee) }) else { continue }
        let cost = firstCost + rest.cost
        guard Self.plain(cost) <= Self.plain(remaining[i]) + branchSlack else { continue }
        var names = [graph.name(state.function)]
        for edge in edges {
          names.append(graph.name(edge.callee))
          if rejoining.contains(edge.callee) { break }
        }
        let passed = Set(edges.map(\.callee))
        let missed = shown.filter { !passed.contains($0) }
        decisive.formUnion(missed)
        routes.append(
          BranchPoint.Route(
            callee: graph.name(e.callee), callsite: place(e), functions: names, cost: cost,
            evidence: stacksNote(missed, passes: false) + notes(edges[...]),
            ruledOut: edges.lazy.compactMap { self.evidence($0).ruling }.first))
        conditions.append(condition(taken: taken, other: e))
      }
      guard !routes.isEmpty else { continue }
      let takenRoute = BranchPoint.Route(
        callee: graph.name(taken.callee), callsite: place(taken), functions: onRoute[i...].map(graph.name),
        cost: remaining[i], evidence: notes(found.edges[i...]), ruledOut: nil)
      out.append(
        BranchPoint(
          function: graph.name(state.function), toward: graph.name(target), hop: i, taken: takenRoute,
          notTaken: routes, conditions: conditions,
          decidedByStacks: stacksNote(shown.filter(decisive.contains), passes: true).first))
    }
    return out
  }

  /// A cost without its rulings: how long and how conditional a route is.
  static func plain(_ cost: Int) -> Int { cost % RouteEvidence.ruledOut }

  /// The cheapest cost from each function to `target`, over edges followed backwards (out of context).
  func costToGo(_ target: SymbolID) -> [SymbolID: Int] {
    var best: [SymbolID: Int] = [target: 0]
    var queue = CostQueue<SymbolID>()
    queue.push(target, cost: 0)
    var done: Set<SymbolID> = []
    while let (f, cost) = queue.pop() {
      guard done.insert(f).inserted, cost < 2 * RouteEvidence.ruledOut else { continue }
      for e in graph.edgesInto(f) where e.kind != .softirq && allowed(e) {
        let c = cost + evidence(e).cost
        if let known = best[e.caller], known <= c { continue }
        best[e.caller] = c
        queue.push(e.caller, cost: c)
      }
    }
    return best
  }

  /// The condition that tells `taken` from `other`: the innermost guard of one that the other lacks.
  func condition(taken: CallEdge, other: CallEdge) -> BranchPoint.Condition? {
    func key(_ g: BranchGuard) -> String { "\(g.kind.rawValue)|\(g.location)" }
    let takenKeys = Set(taken.site.guards.map(key))
    let otherKeys = Set(other.site.guards.map(key))
    if let g = other.site.guards.last(where: { !takenKeys.contains(key($0)) }) {
      return BranchPoint.Condition(
        text: RouteEvidence.describe(g), file: g.location.path.value, line: g.location.line, decides: "other")
    }
    if let g = taken.site.guards.last(where: { !otherKeys.contains(key($0)) }) {
      return BranchPoint.Condition(
        text: RouteEvidence.describe(g), file: g.location.path.value, line: g.location.line, decides: "taken")
    }
    return nil
  }

  /// The evidence along some edges, in words: rulings, hints, error tests and exits.
  func notes(_ edges: ArraySlice<CallEdge>) -> [String] {
    var out: [String] = []
    for e in edges {
      let ev = evidence(e)
      if let r = ev.ruling {
        out.append("ruled out by \(r.term): \(r.reason) (\(r.file):\(r.line))")
      }
      out += ev.notes.map { "\(graph.name(e.caller)) → \(graph.name(e.callee)): \($0)" }
    }
    return out
  }

  /// The recorded stacks' word on a route: the frames they showed that it passes or misses. It goes first among a
  /// route's evidence, which readers see only the first few lines of, because it is what decided.
  func stacksNote(_ frames: [SymbolID], passes: Bool) -> [String] {
    guard let stacks, !frames.isEmpty else { return [] }
    let names = frames.map(graph.name).joined(separator: ", ")
    return ["\(passes ? "passes" : "misses") \(names), which the stacks recorded in \(stacks.source) show"]
  }

  func place(_ e: CallEdge) -> Hop.Place { Hop.Place(file: e.site.location.path.value, line: e.site.location.line) }
}

extension BranchPoint {
  /// The routes not taken as the older, plainer list of alternatives.
  var alternatives: [PacketPath.Alternative] {
    notTaken.map { PacketPath.Alternative(from: function, to: toward, functions: $0.functions) }
  }
}
