import KwalkDiff
import KwalkGraph
import KwalkKernel

/// Builds one version's side of a diff from its workspace and analysis.
enum DiffInputs {
  /// The walkthrough's legs in that version with the index and source files; a failure names the version and the
  /// waypoint that failed there.
  static func side(_ ws: Workspace, _ analysis: KernelAnalysis, _ name: String) throws -> DiffSide {
    do {
      return DiffSide(
        version: ws.tree.version, paths: try analysis.paths(of: name), snapshot: analysis.snapshot,
        sources: SourceFiles(paths: ws.tree.paths))
    } catch let e as PathError {
      throw DiffError.walkthroughFails(walkthrough: name, version: ws.tree.version.description, reason: "\(e)")
    }
  }
}
