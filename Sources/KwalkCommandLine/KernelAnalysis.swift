import KwalkAnnotate
import KwalkGraph
import KwalkIndex

/// What one kernel's pages and diffs are made from, computed once per run: the index, its call graph, the notes
/// placed in it and every walkthrough's legs.
struct KernelAnalysis {
  let snapshot: IndexSnapshot
  let graph: CallGraph
  let annotations: [ResolvedAnnotation]
  /// Each walkthrough's legs by name, or why they could not be found in this kernel.
  let paths: [String: Result<[PacketPath], any Error>]
}

extension Workspace {
  /// Indexes, builds the graph, places the notes and finds the legs of `walkthroughs` (default: all), with each
  /// walkthrough's stacks in `stacks` as evidence when given.
  func analysis(walkthroughs: [String]? = nil, stacks: StackEvidence? = nil) throws -> KernelAnalysis {
    let snapshot = try index().0
    let graph = CallGraph(snapshot: snapshot)
    var paths: [String: Result<[PacketPath], any Error>] = [:]
    for name in walkthroughs ?? specs.map(\.name) {
      var finder = PathFinder(graph: graph, spec: try spec(name))
      finder.stacks = try stacks?.of(name)
      paths[name] = Result { try finder.paths() }
    }
    return KernelAnalysis(
      snapshot: snapshot, graph: graph, annotations: try resolveAnnotations(in: snapshot), paths: paths)
  }
}

extension KernelAnalysis {
  /// The legs of walkthrough `name`, or the error that stopped them.
  func paths(of name: String) throws -> [PacketPath] {
    guard let found = paths[name] else { return [] }
    return try found.get()
  }
}
