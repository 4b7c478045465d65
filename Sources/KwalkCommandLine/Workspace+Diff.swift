import KwalkDiff
import KwalkGraph

extension Workspace {
  /// The path diffs of `walkthroughs` (default: every walkthrough) from this kernel to `newer`, with annotation drift.
  func pathDiffs(to newer: Workspace, walkthroughs: [String]? = nil) throws -> [PathDiff] {
    let oldSide = try DiffInputs.side(self)
    let newSide = try DiffInputs.side(newer)
    let oldAnnotations = try resolveAnnotations(in: oldSide.snapshot)
    let newAnnotations = try newer.resolveAnnotations(in: newSide.snapshot)
    return try (walkthroughs ?? specs.map(\.name)).map { name in
      var a = oldSide
      a.paths = try DiffInputs.paths(self, oldSide, name)
      var b = newSide
      b.paths = try DiffInputs.paths(newer, newSide, name)
      let drift = AnnotationDrift.between(old: oldAnnotations, new: newAnnotations, walkthrough: name)
      return try PathDiffer(old: a, new: b).diff(walkthrough: name, annotationDrift: drift)
    }
  }
}
