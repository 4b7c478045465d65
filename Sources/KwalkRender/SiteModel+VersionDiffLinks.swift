import KwalkDiff

extension SiteModel {
  /// The kernels `diff` goes from and to: by label when it names them, else the model's first and second.
  func diffKernels(_ diff: VersionDiff) -> (Kernel?, Kernel?) {
    func kernel(_ label: String?, _ index: Int) -> Kernel? {
      if let label { return kernels.first { $0.label == label } }
      return index < kernels.count ? kernels[index] : nil
    }
    return (kernel(diff.oldKernel, 0), kernel(diff.newKernel, 1))
  }

  /// The model with every changed step of the kernels' walkthroughs pointing at its entries on the version diff
  /// pages: a step matches an entry when the entry lists the step's hop (same caller, callee and call site) for that
  /// kernel's side; a split or merge links both of its hops. A kernel between two others links to both diffs, the
  /// one from the kernel before first.
  public func withVersionDiffLinks() -> SiteModel {
    guard !versionDiffs.isEmpty else { return self }
    var links: [String: [String: [StepDiffLink]]] = [:]
    for diff in versionDiffs {
      let (o, n) = diffKernels(diff)
      for d in diff.diffs {
        for leg in d.legs {
          for (h, anchor) in zip(leg.changedHops, DiffPage.anchors(walkthrough: d.walkthrough, leg: leg)) {
            let summary = Self.summary(h)
            for (kernel, refs, other) in [(o, h.old, d.to), (n, h.new, d.from)] {
              guard let kernel else { continue }
              for r in refs {
                let key = DiffSiteSide.key(
                  walkthrough: d.walkthrough, direction: leg.direction, caller: r.caller, callee: r.callee,
                  callsite: r.callsite)
                let link = StepDiffLink(page: diff.page, anchor: anchor, otherVersion: other, summary: summary)
                // One entry per diff page: a hop two entries list keeps the later, as one diff page did before.
                var list = links[kernel.label, default: [:]][key, default: []]
                if list.last?.page == diff.page { list.removeLast() }
                list.append(link)
                links[kernel.label, default: [:]][key] = list
              }
            }
          }
        }
      }
    }
    var copy = self
    for k in copy.kernels.indices {
      guard let byKey = links[copy.kernels[k].label] else { continue }
      for w in copy.kernels[k].walkthroughs.indices {
        let name = copy.kernels[k].walkthroughs[w].spec.name
        for l in copy.kernels[k].walkthroughs[w].legs.indices {
          let leg = copy.kernels[k].walkthroughs[w].legs[l]
          for s in leg.steps.indices {
            let h = leg.steps[s].hop
            let key = DiffSiteSide.key(
              walkthrough: name, direction: leg.path.direction, caller: h.caller, callee: h.callee,
              callsite: "\(h.callsite.file):\(h.callsite.line)")
            copy.kernels[k].walkthroughs[w].legs[l].steps[s].versionDiffs = byKey[key] ?? []
          }
        }
      }
    }
    return copy
  }

  /// `renamed: kind, body` — the relation (when not `same`) and the labels of what changed.
  static func summary(_ h: HopDiff) -> String {
    var labels: [String] = []
    for (label, _) in h.details where !["old", "new"].contains(label) && !labels.contains(label) {
      labels.append(label)
    }
    let what = labels.joined(separator: ", ")
    if h.relation == .same { return what }
    return what.isEmpty ? h.relation.rawValue : "\(h.relation.rawValue): \(what)"
  }
}
