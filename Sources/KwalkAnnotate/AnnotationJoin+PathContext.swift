import KwalkCore
import KwalkGraph

extension AnnotationJoin {
  /// What the off-path rules ask about one path, computed once per path rather than once per note.
  struct PathContext {
    /// A call by name from an indexed function.
    struct DirectCall {
      var callee: String
      var site: CallSiteFact
    }

    let graph: CallGraph
    /// The path's functions in order: the entry, then each hop's callee.
    let onPath: [String]
    /// The first position of each path function.
    let positions: [String: Int]
    /// Per path function, the names it reaches through at most 1, 2, … `helperDepth` direct calls.
    let helpers: [[Set<String>]]

    init(path: PacketPath, graph: CallGraph) {
      self.graph = graph
      onPath = [path.hops.first?.caller].compactMap { $0 } + path.hops.map(\.callee)
      positions = Dictionary(onPath.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
      var helpers: [[Set<String>]] = []
      for function in onPath {
        var levels: [Set<String>] = []
        var names: Set<String> = [function]
        var reached: Set<String> = []
        for _ in 0..<AnnotationJoin.helperDepth {
          names = Set(names.flatMap { Self.directCalls(of: $0, graph: graph).map(\.callee) })
          reached.formUnion(names)
          levels.append(reached)
        }
        helpers.append(levels)
      }
      self.helpers = helpers
    }

    static func directCalls(of name: String, graph: CallGraph) -> [DirectCall] {
      graph.snapshot.functions(named: name).flatMap { f in
        (graph.snapshot.callsByCaller[f.id] ?? []).compactMap { call in
          if case .function(_, let callee) = call.target { return DirectCall(callee: callee, site: call) }
          return nil
        }
      }
    }

    func directCalls(of name: String) -> [DirectCall] { Self.directCalls(of: name, graph: graph) }

    func directCallees(of name: String) -> Set<String> { Set(directCalls(of: name).map(\.callee)) }

    /// The position of the first path function that `name` reaches within `leadInDepth` calls of the graph.
    func leadIn(from name: String) -> Int? {
      var frontier = graph.snapshot.functions(named: name).map(\.id)
      var seen = Set(frontier)
      for _ in 0..<AnnotationJoin.leadInDepth {
        var next: [SymbolID] = []
        var reached: [Int] = []
        for f in frontier {
          for e in graph.edges(from: f) {
            if let p = positions[graph.name(e.callee)] { reached.append(p) }
            if seen.insert(e.callee).inserted { next.append(e.callee) }
          }
        }
        if let p = reached.min() { return p }
        frontier = next
      }
      return nil
    }
  }
}
