import KwalkDiff
import KwalkGraph
import KwalkKernel

/// Builds one version's side of a diff from its workspace.
enum DiffInputs {
  /// The index and source files of a workspace, without paths yet.
  static func side(_ ws: Workspace) throws -> DiffSide {
    let snapshot = try ws.index().0
    return DiffSide(version: ws.tree.version, paths: [], snapshot: snapshot, sources: SourceFiles(paths: ws.tree.paths))
  }

  /// The walkthrough's legs in that version; a failure names the version and the waypoint that failed there.
  static func paths(_ ws: Workspace, _ side: DiffSide, _ name: String) throws -> [PacketPath] {
    do {
      return try PathFinder(graph: CallGraph(snapshot: side.snapshot), spec: try ws.spec(name)).paths()
    } catch let e as PathError {
      throw DiffError.walkthroughFails(walkthrough: name, version: ws.tree.version.description, reason: "\(e)")
    }
  }
}
