import KwalkDiff
import KwalkGraph

extension Workspace {
  /// The path diffs of `walkthroughs` (default: every walkthrough) from this kernel to `newer`, with annotation drift.
  func pathDiffs(to newer: Workspace, walkthroughs: [String]? = nil) throws -> [PathDiff] {
    let names = walkthroughs ?? specs.map(\.name)
    return try Self.pathDiffs(
      old: (self, try analysis(walkthroughs: names)), new: (newer, try newer.analysis(walkthroughs: names)),
      walkthroughs: names)
  }

  /// The path diffs of `walkthroughs` between two kernels already analysed.
  static func pathDiffs(
    old: (Workspace, KernelAnalysis), new: (Workspace, KernelAnalysis), walkthroughs: [String]
  ) throws -> [PathDiff] {
    try walkthroughs.map { name in
      let drift = AnnotationDrift.between(old: old.1.annotations, new: new.1.annotations, walkthrough: name)
      return try PathDiffer(old: try DiffInputs.side(old.0, old.1, name), new: try DiffInputs.side(new.0, new.1, name))
        .diff(walkthrough: name, annotationDrift: drift)
    }
  }
}
