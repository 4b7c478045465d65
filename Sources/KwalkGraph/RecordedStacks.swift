/// Stacks a running kernel printed for the walkthrough's traffic (`kwalk trace`), as evidence for the route finder.
/// Each frame is a call the kernel really made and did not inline, so between two stops of a leg that a stack
/// holds, its frames are functions the route must pass. A function a stack lacks may have been inlined and proves
/// nothing. The running kernel need not be the indexed one: frames the index does not define are skipped.
public struct RecordedStacks: Hashable, Sendable {
  /// Where the stacks come from, for a reader (the trace file).
  public var source: String
  /// Function names innermost first, without compiler suffixes or the tracer's own frames.
  public var stacks: [[String]]

  public init(source: String, stacks: [[String]]) {
    self.source = source
    self.stacks = stacks.filter { !$0.isEmpty }
  }

  /// The frames that every stack holding a caller in `lower` and, called from it, a function in `upper` shows
  /// between the two, caller first, and how many stacks showed them; nil when no stack holds both. Of a stack with a
  /// function twice (a reply sent inside the request's softirq), the innermost `upper` and the nearest `lower` below
  /// it count.
  public func between(_ lower: Set<String>, and upper: Set<String>) -> (frames: [String], stacks: Int)? {
    var common: [String]?
    var count = 0
    for stack in stacks {
      guard let top = stack.firstIndex(where: upper.contains),
        let bottom = stack[(top + 1)...].firstIndex(where: lower.contains)
      else { continue }
      let frames = Array(stack[(top + 1)..<bottom].reversed())
      count += 1
      common = common.map { c in c.filter(frames.contains) } ?? frames
    }
    return common.map { ($0, count) }
  }
}
