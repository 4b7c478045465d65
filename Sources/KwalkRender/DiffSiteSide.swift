import KwalkCore
import KwalkDiff

/// One kernel of a version diff as the site holds it: which files have source pages and which step of which
/// walkthrough page each hop is, so the diff page can link into both versions.
struct DiffSiteSide {
  /// The kernel's directory in the site (`6.1`).
  let label: String
  /// Its release (`6.1.192`).
  let version: String
  /// Files with a source page.
  let sources: Set<SourcePath>
  /// Step numbers by `key(walkthrough:direction:caller:callee:callsite:)`.
  let steps: [String: Int]

  init(_ kernel: SiteModel.Kernel) {
    label = kernel.label
    version = kernel.version
    sources = Set(kernel.sources.keys)
    var steps: [String: Int] = [:]
    for w in kernel.walkthroughs {
      for leg in w.legs {
        for (i, h) in leg.path.hops.enumerated() {
          let key = Self.key(
            walkthrough: w.spec.name, direction: leg.path.direction, caller: h.caller, callee: h.callee,
            callsite: "\(h.callsite.file):\(h.callsite.line)")
          // A hop listed twice keeps its first step.
          if steps[key] == nil { steps[key] = i + 1 }
        }
      }
    }
    self.steps = steps
  }

  /// Identifies a hop within a kernel's walkthroughs; the call site tells apart two calls of the same function.
  static func key(walkthrough: String, direction: String, caller: String, callee: String, callsite: String) -> String {
    [walkthrough, direction, caller, callee, callsite].joined(separator: "\u{1F}")
  }

  /// The step of the walkthrough page that shows `ref`, when the page has it.
  func step(walkthrough: String, direction: String, _ ref: HopRef) -> Int? {
    steps[
      Self.key(
        walkthrough: walkthrough, direction: direction, caller: ref.caller, callee: ref.callee,
        callsite: ref.callsite)]
  }

  /// The walkthrough page of one direction.
  func walkthroughPage(_ name: String, direction: String) -> String {
    SitePaths.walkthrough(kernel: label, name: name, direction: direction)
  }

  /// The source page and line of `file:line`, when the site has that file.
  func source(_ fileLine: String) -> (page: String, line: Int)? {
    guard let colon = fileLine.lastIndex(of: ":"), let line = Int(fileLine[fileLine.index(after: colon)...]) else {
      return nil
    }
    let path = SourcePath(String(fileLine[..<colon]))
    guard sources.contains(path) else { return nil }
    return (SitePaths.source(kernel: label, path: path), line)
  }
}
