import KwalkCore
import KwalkIndex

/// Finds a walkthrough's legs in a call graph: between consecutive stops, the shortest chain of real call edges,
/// with function-typed parameters bound to what the caller on the path passed.
public struct PathFinder: Sendable {
  public let graph: CallGraph
  public let spec: WalkthroughSpec
  /// Longest chain searched between two stops.
  public var maxDepth = 40
  /// Whether to look for other routes between stops (most of the work; discovery only needs the main path).
  public var findsAlternatives = true

  public init(graph: CallGraph, spec: WalkthroughSpec) {
    self.graph = graph
    self.spec = spec
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
    var alternatives: [PacketPath.Alternative] = []
    if let after = leg.after, let before = previous[after] {
      hops.append(try softirqHop(into: stops[0], after: before))
    }
    var state = State(function: stops[0], arguments: [:])
    for target in stops.dropFirst() {
      guard let (edges, end) = search(from: state, to: target, avoiding: nil) else {
        throw PathError.cannotJoin(
          from: graph.name(state.function), to: graph.name(target), walkthrough: spec.name,
          blocker: unresolvedPointer(from: state))
      }
      hops += edges.map { Hop(edge: $0, graph: graph, context: context(for: $0)) }
      if findsAlternatives { alternatives += self.alternatives(from: state, to: target, main: edges) }
      state = end
    }
    return PacketPath(
      walkthrough: spec.name, direction: leg.direction, kernel: graph.snapshot.version.description, hops: hops,
      alternatives: alternatives, renamedStops: found.filter { $0.used != $0.name })
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

  /// Breadth-first search over call edges; ties go to the call that comes first in the source.
  func search(from start: State, to target: SymbolID, avoiding: EdgeKey?) -> ([CallEdge], State)? {
    if start.function == target { return ([], start) }
    var previous: [State: (State, CallEdge)] = [:]
    var frontier = [start]
    var seen: Set<State> = [start]
    var depth = 0
    while !frontier.isEmpty && depth < maxDepth {
      depth += 1
      var next: [State] = []
      for state in frontier {
        // Softirq edges only start a receive leg (see `softirqHop`); inside a leg the path is calls.
        for edge in graph.edges(from: state.function, arguments: state.arguments)
        where edge.kind != .softirq && allowed(edge) {
          if let avoiding, EdgeKey(edge) == avoiding { continue }
          guard graph.snapshot.functions[edge.callee] != nil else { continue }
          let s = State(function: edge.callee, arguments: bindArguments(edge, from: state))
          guard seen.insert(s).inserted else { continue }
          previous[s] = (state, edge)
          if edge.callee == target {
            var chain: [CallEdge] = []
            var cursor = s
            while let (p, e) = previous[cursor] {
              chain.append(e)
              cursor = p
            }
            return (chain.reversed(), s)
          }
          next.append(s)
        }
      }
      frontier = next
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

  /// Up to three other routes: the shortest path when one edge of the main route is taken away.
  func alternatives(from start: State, to target: SymbolID, main: [CallEdge]) -> [PacketPath.Alternative] {
    var out: [PacketPath.Alternative] = []
    var seen: Set<[String]> = [main.map { graph.name($0.callee) }]
    for edge in main where edge.kind == .pointer || edge.kind == .macro || main.count <= 12 {
      guard out.count < 3 else { break }
      guard let (alt, _) = search(from: start, to: target, avoiding: EdgeKey(edge)) else { continue }
      let names = alt.map { graph.name($0.callee) }
      guard names.count <= main.count + 3, seen.insert(names).inserted else { continue }
      out.append(
        PacketPath.Alternative(
          from: graph.name(start.function), to: graph.name(target), functions: [graph.name(start.function)] + names))
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
