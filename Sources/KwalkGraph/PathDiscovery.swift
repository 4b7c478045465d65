import Foundation
import KwalkCore
import KwalkIndex

/// Tells the indexer what a walkthrough still misses: definitions of the functions it names, the files near the
/// path that mention them (where their pointers are bound), and the undefined callees between two stops that do
/// not join yet.
public struct PathDiscovery: Sendable {
  public var specs: [WalkthroughSpec]
  /// Callees requested per open segment and round.
  public var frontierLimit = 60

  public init(specs: [WalkthroughSpec]) { self.specs = specs }

  /// Every walkthrough's requests: those of its names and stops, then those of its path's pointer hops and
  /// observability. Walkthroughs are searched in parallel (discovery waits for this between its rounds); the requests
  /// come in the order of `specs`, names and stops first.
  public func requests(_ snapshot: IndexSnapshot) -> [DiscoveryRequest] {
    let graph = CallGraph(snapshot: snapshot)
    let perSpec = ParallelWork.map(count: specs.count, workers: ProcessInfo.processInfo.activeProcessorCount) { i in
      (stops: stopRequests(specs[i], graph: graph), path: pathRequests(specs[i], graph: graph, snapshot: snapshot))
    }.map { try! $0.get() }
    var seen: Set<DiscoveryRequest> = []
    return (perSpec.flatMap(\.stops) + perSpec.flatMap(\.path)).filter { seen.insert($0).inserted }
  }

  /// The definitions `spec` names that are not indexed, and what a leg needs between two stops that do not join.
  func stopRequests(_ spec: WalkthroughSpec, graph: CallGraph) -> [DiscoveryRequest] {
    var out: [DiscoveryRequest] = []
    for name in spec.namedFunctions where graph.resolve(name: name) == nil {
      out.append(.definition(name, reason: "named by walkthrough \(spec.name)"))
    }
    // A `runs:` chain that starts where bottom halves come back on goes through the function that enables them.
    if spec.legs.contains(where: { !$0.runs.isEmpty }) && graph.resolve(name: BottomHalves.enable) == nil {
      out.append(.definition(BottomHalves.enable, reason: "where the softirqs of walkthrough \(spec.name) run"))
    }
    for leg in spec.legs {
      // A stop not found under its first name is asked for under the names it had in other versions.
      for stop in leg.stops + leg.runs where leg.names(of: stop).allSatisfy({ graph.resolve(name: $0) == nil }) {
        for other in leg.names(of: stop).dropFirst() {
          out.append(.definition(other, reason: "named by walkthrough \(spec.name) (for \(stop))"))
        }
      }
      guard let found = try? leg.resolveStops(walkthrough: spec.name, { graph.resolve(name: $0) }) else { continue }
      let stops = found.compactMap(\.id)
      let finder = PathFinder(graph: graph, spec: spec)
      // Callees are looked for only near the stops: the directories that define them.
      let near = Set(stops.compactMap { graph.function($0)?.location.path.directory }).sorted()
      for (a, b) in zip(stops, stops.dropFirst()) {
        if finder.search(from: .init(function: a, arguments: [:]), to: b) != nil { continue }
        // The stop may be reached through a pointer bound near the path: index the files that name it.
        out.append(.references(graph.name(b), reason: "reached from \(graph.name(a)) in \(spec.name)"))
        for name in frontier(from: a, graph: graph) {
          out.append(
            .definition(
              name, reason: "called on the way from \(graph.name(a)) to \(graph.name(b)) in \(spec.name)",
              near: near))
        }
      }
    }
    return out
  }

  /// What `spec`'s path still misses: pointer hops whose binding is not indexed yet (the files near the path that
  /// name the callee bind it), and the tables that name its tunables and counters.
  func pathRequests(_ spec: WalkthroughSpec, graph: CallGraph, snapshot: IndexSnapshot) -> [DiscoveryRequest] {
    var finder = PathFinder(graph: graph, spec: spec)
    finder.findsAlternatives = false
    guard let paths = try? finder.paths() else { return [] }
    var out = ObservabilityDiscovery(snapshot: snapshot).requests(paths: paths)
    for hop in paths.flatMap(\.hops) where hop.field != nil && hop.bindings.isEmpty {
      out.append(.references(hop.callee, reason: "bound to \(hop.field!) in \(spec.name)"))
    }
    return out
  }

  /// Undefined functions called from the part of the graph reachable from `start`, nearest first.
  func frontier(from start: SymbolID, graph: CallGraph) -> [String] {
    var names: [String] = []
    var seen: Set<SymbolID> = [start]
    var queue = [start]
    var namesSeen: Set<String> = []
    while !queue.isEmpty && names.count < frontierLimit {
      let f = queue.removeFirst()
      for call in graph.snapshot.callsByCaller[f] ?? [] {
        guard case .function(let id, let name) = call.target else { continue }
        if graph.snapshot.functions[id] == nil {
          if graph.resolve(name: name) == nil, namesSeen.insert(name).inserted { names.append(name) }
        }
      }
      for e in graph.edges(from: f) where graph.snapshot.functions[e.callee] != nil && seen.insert(e.callee).inserted {
        queue.append(e.callee)
      }
    }
    return names
  }
}
