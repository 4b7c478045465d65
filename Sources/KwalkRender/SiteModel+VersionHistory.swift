import KwalkDiff

extension SiteModel {
  /// The site's version diff from the kernel labelled `old` to the one labelled `new`, when it has one.
  func versionDiff(from old: String, to new: String) -> VersionDiff? {
    versionDiffs.first { d in
      let (o, n) = diffKernels(d)
      return o?.label == old && n?.label == new
    }
  }

  /// The model with each walkthrough's history across its kernels (`PathHistory`, chained from the diffs between
  /// consecutive kernels) and every step's links to the same step in the other kernels. The rows of the history say
  /// which steps are the same hop, so a function renamed, split or merged between two versions stays linked.
  /// Without a diff for each pair of consecutive kernels the model is returned as it is.
  public func withVersionHistory() -> SiteModel {
    guard kernels.count >= 2 else { return self }
    let pairs = zip(kernels, kernels.dropFirst()).map { versionDiff(from: $0.label, to: $1.label) }
    guard pairs.allSatisfy({ $0 != nil }) else { return self }
    var copy = self
    copy.histories = []
    for name in kernels[0].walkthroughs.map(\.spec.name) {
      let walks = kernels.map { k in k.walkthroughs.firstIndex { $0.spec.name == name } }
      let diffs = pairs.compactMap { $0?.diffs.first { $0.walkthrough == name } }
      guard diffs.count == pairs.count, walks.allSatisfy({ $0 != nil }) else { continue }
      let history = PathHistory.build(
        walkthrough: name, kernels: kernels.map(\.version), labels: kernels.map(\.label),
        paths: zip(kernels, walks).map { k, w in k.walkthroughs[w!].legs.map(\.path) }, diffs: diffs)
      copy.histories.append(history)
      for leg in history.legs {
        for row in leg.rows {
          let links = kernels.indices.map { j in
            StepVersionLink(
              label: kernels[j].label, version: kernels[j].version,
              page: SitePaths.walkthrough(kernel: kernels[j].label, name: name, direction: leg.direction),
              step: row.hops[j].map { $0 + 1 }, callee: row.cells[j]?.callee, changes: row.cells[j]?.changes ?? [],
              isCurrent: false)
          }
          for (k, hop) in row.hops.enumerated() {
            guard let hop, let w = walks[k],
              let l = copy.kernels[k].walkthroughs[w].legs.firstIndex(where: { $0.path.direction == leg.direction }),
              hop < copy.kernels[k].walkthroughs[w].legs[l].steps.count,
              copy.kernels[k].walkthroughs[w].legs[l].steps[hop].otherVersions.isEmpty
            else { continue }
            var own = links
            own[k].isCurrent = true
            copy.kernels[k].walkthroughs[w].legs[l].steps[hop].otherVersions = own
          }
        }
      }
    }
    return copy
  }
}
