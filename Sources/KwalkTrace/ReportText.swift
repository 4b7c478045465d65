/// `kwalk verify`'s terminal report: kernels, each simulated skb, each stack pair that is not a plain match, and
/// the summary line last.
public enum ReportText {
  public static func render(_ r: TraceReport) -> String {
    var out = "running kernel \(r.runningKernel) (trace \(r.traceSource)); indexed kernel \(r.indexedKernel)\n"
    out += "\n# skbs: simulated vs recorded (per skbaddr)\n"
    for s in r.skbs {
      let at = s.recordedAddress.map { " ~ skbaddr=\($0)\(s.recordedLine.map { " line \($0)" } ?? "")" } ?? ""
      out += "\(s.status.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0)) \(s.walkthrough) \(s.skb)\(at)\n"
      out += "    " + s.expected.joined(separator: " → ") + "\n"
      for d in s.differences { out += "    \(d)\n" }
    }
    if !r.unpredictedEvents.isEmpty {
      out += "    not compared, predicted nowhere: "
        + r.unpredictedEvents.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }.joined(separator: ", ") + "\n"
    }
    if !r.readerEvents.isEmpty {
      out += "    not compared, the woken reader's own system call after the wake-up (off the path; stacks not checked): "
        + r.readerEvents.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }.joined(separator: ", ") + "\n"
    }
    out += "\n# stack frame pairs (caller → callee)\n"
    for status in [TraceReport.PairStatus.disagreement, .versionGap, .outsideIndex, .explained] {
      let pairs = r.pairs.filter { $0.status == status }
      guard !pairs.isEmpty else { continue }
      out += "## \(status.rawValue) (\(pairs.count))\n"
      for p in pairs {
        out += "  \(p.caller) → \(p.callee) ×\(p.occurrences): \(p.reason)\n"
      }
    }
    return out + paths(r) + counters(r) + "\n" + r.summary + "\n"
  }
}
