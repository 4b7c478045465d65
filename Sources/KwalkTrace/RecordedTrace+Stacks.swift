import KwalkGraph

extension TraceRecord {
  /// The stack's frames as the kernel's calls, innermost first: compiler suffixes and split-off parts folded into
  /// their function (`PathChecker.withoutSplitParts`), and the tracepoint's own frame dropped with everything inside
  /// it. Frames inside it are the tracer's, or what the unwinder picked up from another stack (6.18 once printed a
  /// reader's recvfrom frames, syscall entry included, inside sock_send_length's handler).
  public var calls: [String] {
    var names = PathChecker.withoutSplitParts(stack)
    if let own = names.lastIndex(where: { $0.hasPrefix("trace_event_raw_event_") || $0.hasPrefix("perf_trace_") }) {
      names.removeFirst(own + 1)
    }
    return names
  }
}

extension RecordedTrace {
  /// The stacks of `walkthrough`'s span as route evidence (`PathFinder.stacks`); nil when the trace has none.
  public func routeEvidence(for walkthrough: String) -> RecordedStacks? {
    let stacks = records(of: walkthrough, withoutReader: true).map(\.calls).filter { !$0.isEmpty }
    return stacks.isEmpty ? nil : RecordedStacks(source: source, stacks: stacks)
  }
}
