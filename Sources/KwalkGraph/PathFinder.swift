import KwalkCore
import KwalkIndex
import Synchronization

/// Finds a walkthrough's legs in a call graph: between consecutive stops, the route of real call edges that the
/// evidence favours (`RouteEvidence`: length, the conditions around each call, hints, exits, and what the spec's
/// scenario rules out), with function-typed parameters bound to what the caller on the route passed. Every
/// function on the leg from which another route reached the same stop becomes a `BranchPoint`.
public struct PathFinder: Sendable {
  public let graph: CallGraph
  public let spec: WalkthroughSpec
  /// Longest chain searched between two stops.
  public var maxDepth = 40
  /// Whether to work out branch points (most of the work; discovery only needs the route).
  public var findsAlternatives = true
  /// Stacks recorded on a running kernel: the functions they show between two stops become stops too (see
  /// `stopsFromStacks`).
  public var stacks: RecordedStacks?
  /// How much worse than the taken route (in `RouteEvidence` tenths, rulings aside) a route may be and still be
  /// shown as not taken.
  public var branchSlack = 100
  /// The evidence of each edge, worked out once.
  let memo = EvidenceMemo()
  /// Every name the spec gives a function: stops keep their family whatever their names say.
  let named: Set<String>
  /// Functions a route reaches only as a stop, never in its middle: the softirq handlers (`open_softirq`
  /// registrations), which a leg reaches by the softirq hop that starts it or at the end of a `runs:` chain, and the
  /// bottom-half enable (`BottomHalves`), where pending softirqs run: other work, not the packet's way on.
  let onlyAsStops: Set<SymbolID>

  public init(graph: CallGraph, spec: WalkthroughSpec) {
    self.graph = graph
    self.spec = spec
    var named = Set(spec.namedFunctions)
    for leg in spec.legs { for names in leg.aliases.values { named.formUnion(names) } }
    self.named = named
    onlyAsStops = Set(
      graph.snapshot.bindings.filter { $0.form == .registration && $0.keys.contains { $0.hasSuffix("_SOFTIRQ") } }
        .map { graph.resolveBound($0.function, name: $0.functionName) }
        + graph.snapshot.functions(named: BottomHalves.enable).map(\.id))
  }

  /// A search state: a function and what its function-typed parameters hold on this path.
  struct State: Hashable {
    var function: SymbolID
    var arguments: [Int: BindingFact]
  }

  /// All legs, in the spec's order.
  public func paths() throws -> [PacketPath] {
    var done: [String: PacketPath] = [:]
    var out: [PacketPath] = []
    for leg in spec.legs {
      let p = try path(for: leg, previous: done)
      done[leg.direction] = p
      out.append(p)
    }
    return out
  }

  /// The leg in `direction`.
  public func path(direction: String) throws -> PacketPath {
    guard spec.legs.contains(where: { $0.direction == direction }) else {
      throw PathError.unknownDirection(direction, available: spec.legs.map(\.direction))
    }
    return try paths().first { $0.direction == direction }!
  }

  func path(for leg: WalkthroughSpec.Leg, previous: [String: PacketPath]) throws -> PacketPath {
    try checkConstraints()
    let found = try leg.resolveStops(walkthrough: spec.name) { graph.resolve(name: $0) }
    let stops = found.compactMap(\.id)
    var hops: [Hop] = []
    var runs: [Hop] = []
    var branchPoints: [BranchPoint] = []
    if let after = leg.after, let before = previous[after] {
      hops.append(try softirqHop(into: stops[0], after: before))
      if !leg.runs.isEmpty { runs = try runHops(leg, after: before, entry: stops[0]) }
    }
    // A leg that another leg continues `after:` must end by raising the softirq that starts it: its last stretch
    // goes through a function that raises that softirq, not through any call of the exit.
    let follower = spec.legs.first { $0.after == leg.direction }
    let raises = try follower.map { f -> Set<SymbolID> in
      let entry = try f.resolveStops(walkthrough: spec.name) { graph.resolve(name: $0) }.first?.id
      // Raises the scenario rules out (the RPS IPI under `#ifdef CONFIG_RPS`) do not count.
      return Set(
        entry.map { e in graph.edgesInto(e).filter { $0.kind == .softirq && evidence($0).ruling == nil }.map(\.caller) }
          ?? [])
    }
    let lastThrough = raises?.isEmpty == false ? raises : nil
    // The recorded stacks' frames are evidence, not the spec's word: when no route passes them all (a running
    // kernel of another version that went another way), the leg is found without them.
    let fromStacks = stopsFromStacks(stops)
    var stackStops: [String] = []
    let (legHops, points): ([Hop], [BranchPoint])
    if !fromStacks.added.isEmpty,
      let r = try? route(
        through: fromStacks.stops, lastThrough: lastThrough,
        fromStacks: Set(fromStacks.stops.filter { !stops.contains($0) }))
    {
      (legHops, points) = r
      stackStops = fromStacks.added
    } else {
      (legHops, points) = try route(through: stops, lastThrough: lastThrough)
    }
    hops += legHops
    branchPoints += points.map { p in
      var p = p
      p.hop += hops.count - legHops.count
      return p
    }
    return PacketPath(
      walkthrough: spec.name, direction: leg.direction, kernel: graph.snapshot.version.description, hops: hops,
      alternatives: branchPoints.flatMap { $0.alternatives }, renamedStops: found.filter { $0.used != $0.name },
      runs: runs, branchPoints: branchPoints, sideSteps: findsAlternatives ? sideSteps(of: hops) : [],
      stackStops: stackStops)
  }

  /// `stops` with the functions that the recorded stacks show between each two inserted, and the names inserted.
  /// A frame the index does not define (another version's function), a stop, or a function reached only as a stop
  /// is left out.
  func stopsFromStacks(_ stops: [SymbolID]) -> (stops: [SymbolID], added: [String]) {
    guard let stacks, let first = stops.first else { return (stops, []) }
    var out = [first]
    var added: [String] = []
    for (a, b) in zip(stops, stops.dropFirst()) {
      for frame in stacks.between([graph.name(a)], and: [graph.name(b)])?.frames ?? [] {
        guard let id = graph.resolve(name: frame), !stops.contains(id), !onlyAsStops.contains(id), !out.contains(id)
        else { continue }
        out.append(id)
        added.append(frame)
      }
      out.append(b)
    }
    return (out, added)
  }

  /// The route through `stops` in order, and its branch points (hop indices relative to the route). With
  /// `lastThrough`, the stretch to the last stop first reaches one of those functions. Stops in `fromStacks` are
  /// frames the recorded stacks showed, not the spec's: branch points look past them to the spec's next stop, so
  /// that a route the stacks ruled out is shown as not taken rather than never seen.
  func route(
    through stops: [SymbolID], lastThrough: Set<SymbolID>? = nil, fromStacks: Set<SymbolID> = []
  ) throws -> ([Hop], [BranchPoint]) {
    var hops: [Hop] = []
    var points: [BranchPoint] = []
    var state = State(function: stops[0], arguments: [:])
    // The stretches since the last spec stop, searched stop by stop and weighed for branch points as one.
    var sinceSpecStop: Found?
    for (n, target) in stops.enumerated().dropFirst() {
      var found = search(from: state, to: target)
      if n == stops.count - 1, let through = lastThrough, !through.contains(state.function),
        let middle = search(from: state, toAnyOf: through),
        let rest = search(from: middle.end, to: target), middle.cost + rest.cost < RouteEvidence.ruledOut
      {
        found = middle.followed(by: rest)
      }
      guard let found else {
        throw PathError.cannotJoin(
          from: graph.name(state.function), to: graph.name(target), walkthrough: spec.name,
          blocker: unresolvedPointer(from: state))
      }
      if found.cost >= RouteEvidence.ruledOut, let r = found.edges.lazy.compactMap({ self.evidence($0).ruling }).first {
        throw PathError.ruledOut(
          from: graph.name(state.function), to: graph.name(target), walkthrough: spec.name, term: r.term,
          reason: r.reason, file: r.file, line: r.line)
      }
      hops += found.edges.map { Hop(edge: $0, graph: graph, context: context(for: $0)) }
      state = found.end
      let stretch = sinceSpecStop.map { $0.followed(by: found) } ?? found
      if fromStacks.contains(target) {
        sinceSpecStop = stretch
        continue
      }
      sinceSpecStop = nil
      if findsAlternatives {
        points += branchPoints(along: stretch, to: target, fromStacks: fromStacks).map { p in
          var p = p
          p.hop += hops.count - stretch.edges.count
          return p
        }
      }
    }
    return (hops, points)
  }

  // MARK: Evidence

  /// What `edge` costs on a route of this walkthrough.
  func evidence(_ edge: CallEdge) -> RouteEvidence {
    let key = EdgeKey(edge)
    if let known = memo.evidence.withLock({ $0[key] }) { return known }
    let e = RouteEvidence.of(
      edge, callee: graph.function(edge.callee)?.name ?? graph.name(edge.callee), scenario: spec.scenario,
      stops: named)
    memo.evidence.withLock { $0[key] = e }
    return e
  }

  /// The edges a route may take out of `state`: calls (softirq edges only start a leg, see `softirqHop`) to
  /// indexed functions, through pointers the spec's context allows.
  func usableEdges(from state: State) -> [CallEdge] {
    graph.edges(from: state.function, arguments: state.arguments).filter {
      $0.kind != .softirq && allowed($0) && graph.snapshot.functions[$0.callee] != nil
    }
  }

  /// The edges a constrained pointer may take.
  func allowed(_ edge: CallEdge) -> Bool {
    guard let field = edge.field, edge.kind != .softirq else { return true }
    let rules = spec.constraints.filter { $0.field == field }
    guard !rules.isEmpty else { return true }
    return rules.contains { $0.choose == graph.name(edge.callee) }
  }

  func context(for edge: CallEdge) -> String? {
    guard let field = edge.field else { return nil }
    return spec.constraints.first { $0.field == field && $0.choose == graph.name(edge.callee) }?.because
  }

  /// Every constraint must select a candidate that the index found for its pointer.
  func checkConstraints() throws {
    for c in spec.constraints {
      let bound = graph.snapshot.bindingsByField[c.field] ?? []
      if !bound.contains(where: { $0.functionName == c.choose }) {
        throw PathError.constraintMatchesNothing(
          field: c.field.description, choose: c.choose, candidates: CallGraph.unique(bound.map(\.functionName)),
          spec: spec.source, line: c.line)
      }
    }
  }

  // MARK: Search

  /// A route found by `search`.
  struct Found {
    var edges: [CallEdge]
    /// The state before each edge, then the end state.
    var states: [State]
    var cost: Int
    var end: State { states[states.count - 1] }

    /// This route, then `next`, which starts where this one ends.
    func followed(by next: Found) -> Found {
      Found(edges: edges + next.edges, states: states + next.states.dropFirst(), cost: cost + next.cost)
    }
  }

  /// The cheapest route by evidence (Dijkstra); among equally cheap ones, the one whose calls come first in the
  /// source, as a breadth-first search would find it when no evidence tells routes apart.
  /// `limit` bounds the cost searched (a route costing more is not looked for).
  func search(from start: State, to target: SymbolID, limit: Int = .max) -> Found? {
    search(from: start, toAnyOf: [target], limit: limit)
  }

  func search(from start: State, toAnyOf targets: Set<SymbolID>, limit: Int = .max) -> Found? {
    if targets.contains(start.function) { return Found(edges: [], states: [start], cost: 0) }
    var best: [State: Int] = [start: 0]
    var depth: [State: Int] = [start: 0]
    var previous: [State: (State, CallEdge)] = [:]
    var queue = CostQueue<State>()
    queue.push(start, cost: 0)
    var done: Set<State> = []
    while let (state, cost) = queue.pop() {
      guard cost <= limit else { break }
      guard done.insert(state).inserted else { continue }
      if targets.contains(state.function) {
        var edges: [CallEdge] = []
        var states = [state]
        var cursor = state
        while let (p, e) = previous[cursor] {
          edges.append(e)
          states.append(p)
          cursor = p
        }
        return Found(edges: edges.reversed(), states: states.reversed(), cost: cost)
      }
      let d = depth[state] ?? 0
      guard d < maxDepth else { continue }
      for edge in usableEdges(from: state) {
        if onlyAsStops.contains(edge.callee) && !targets.contains(edge.callee) { continue }
        let s = State(function: edge.callee, arguments: bindArguments(edge, from: state))
        let c = cost + evidence(edge).cost
        if let known = best[s], known <= c { continue }
        best[s] = c
        depth[s] = d + 1
        previous[s] = (state, edge)
        queue.push(s, cost: c)
      }
    }
    return nil
  }

  /// One edge, to leave out of a search: a caller, a callee and the call site joining them.
  struct EdgeKey: Hashable {
    var caller: SymbolID
    var callee: SymbolID
    var site: SourceLocation

    init(_ e: CallEdge) {
      caller = e.caller
      callee = e.callee
      site = e.site.location
    }
  }

  /// What the callee's function-typed parameters hold: functions passed here, or the caller's own bindings
  /// passed on.
  func bindArguments(_ edge: CallEdge, from state: State) -> [Int: BindingFact] {
    guard edge.kind != .softirq, edge.kind != .pointer || edge.field == nil else { return [:] }
    var out: [Int: BindingFact] = [:]
    let calleeName = graph.name(edge.callee)
    for (i, a) in edge.site.arguments.enumerated() {
      switch a {
      case .function(let fn, let name):
        out[i] = BindingFact(
          field: StructField(structName: calleeName, field: "parameter \(i)"), function: fn, functionName: name,
          location: edge.site.location, text: edge.site.expression, form: .argument, container: calleeName)
      case .parameter(let j):
        if let b = state.arguments[j] { out[i] = b }
      default:
        break
      }
    }
    return out
  }

  /// The softirq hop that starts a receive leg: a raise at the end of the previous leg reaching `entry`.
  func softirqHop(into entry: SymbolID, after before: PacketPath) throws -> Hop {
    let callers = before.hops.suffix(3).map(\.callerID) + before.hops.suffix(1).map(\.calleeID)
    for caller in callers.reversed() {
      if let e = graph.edges(from: caller).first(where: { $0.kind == .softirq && $0.callee == entry }) {
        return Hop(edge: e, graph: graph, context: nil)
      }
    }
    throw PathError.noSoftirqEntry(entry: graph.name(entry), after: before.direction)
  }

  /// The first pointer call reachable from `state` that resolves to nothing: the likely reason a path is missing.
  func unresolvedPointer(from state: State) -> String? {
    var frontier = [state.function]
    var seen: Set<SymbolID> = [state.function]
    for _ in 0..<maxDepth {
      var next: [SymbolID] = []
      for f in frontier {
        let edges = graph.edges(from: f)
        for call in graph.snapshot.callsByCaller[f] ?? [] where call.target.isPointer {
          if !edges.contains(where: { $0.site.location == call.location }) {
            return "\(call.expression) in \(graph.name(f)) (\(call.location))"
          }
        }
        for e in edges where graph.snapshot.functions[e.callee] != nil && seen.insert(e.callee).inserted {
          next.append(e.callee)
        }
      }
      frontier = next
    }
    return nil
  }
}

/// The evidence `PathFinder` has worked out, shared by copies of the finder.
final class EvidenceMemo: Sendable {
  let evidence = Mutex<[PathFinder.EdgeKey: RouteEvidence]>([:])
}

/// A priority queue of states by cost; equal costs leave in the order they came in.
struct CostQueue<Element> {
  private var heap: [(cost: Int, order: Int, element: Element)] = []
  private var pushed = 0

  mutating func push(_ e: Element, cost: Int) {
    heap.append((cost, pushed, e))
    pushed += 1
    var i = heap.count - 1
    while i > 0 {
      let p = (i - 1) / 2
      guard less(i, p) else { break }
      heap.swapAt(i, p)
      i = p
    }
  }

  mutating func pop() -> (Element, Int)? {
    guard !heap.isEmpty else { return nil }
    heap.swapAt(0, heap.count - 1)
    let top = heap.removeLast()
    var i = 0
    while true {
      let l = 2 * i + 1
      let r = l + 1
      var m = i
      if l < heap.count && less(l, m) { m = l }
      if r < heap.count && less(r, m) { m = r }
      guard m != i else { break }
      heap.swapAt(i, m)
      i = m
    }
    return (top.element, top.cost)
  }

  private func less(_ a: Int, _ b: Int) -> Bool {
    (heap[a].cost, heap[a].order) < (heap[b].cost, heap[b].order)
  }
}
