import KwalkTrace

/// A `kwalk verify` report as Markdown (`markdown/<kernel>/verify.md`): the summary, each simulated skb against its
/// recorded counterpart, each walkthrough's recorded stacks against its path with the first inconsistent stack
/// beside it, and the stack frame pairs that are not plainly explained.
public enum VerifyReportMarkdown {
  public static func render(_ r: TraceReport) -> String {
    var out = "# Simulator and graph against a real trace\n\n"
    out += "Running kernel **\(r.runningKernel)** (trace \(cell(r.traceSource))); indexed kernel **\(r.indexedKernel)**.\n\n"
    out += "\(r.summary)\n\n## Skbs\n\n| walkthrough | skb | status | differences |\n|---|---|---|---|\n"
    for s in r.skbs {
      let status = s.status.rawValue + (s.recordedLine.map { " (line \($0))" } ?? "")
      out += "| \(s.walkthrough) | \(s.skb) | \(status) | \(s.differences.map { "`\(cell($0))`" }.joined(separator: "<br>")) |\n"
    }
    out += paths(r)
    let notExplained = r.pairs.filter { $0.status != .explained }
    out += "\n## Stack frame pairs\n\n\(r.pairs.count - notExplained.count) explained by the call graph"
    out += notExplained.isEmpty ? ".\n" : "; the others:\n\n"
    for p in notExplained { out += "- **\(p.status.rawValue)** `\(p.caller) → \(p.callee)` ×\(p.occurrences): \(p.reason)\n" }
    return out
  }

  static func paths(_ r: TraceReport) -> String {
    guard !r.walkthroughs.isEmpty || !r.unchecked.isEmpty else { return "" }
    let statuses = PathCheck.StackStatus.allCases
    var out = "\n## Recorded stacks against each walkthrough's path\n\n"
    if !r.walkthroughs.isEmpty {
      out += "| walkthrough | stacks | " + statuses.map(VerifyReportPage.label).joined(separator: " | ") + " |\n"
      out += "|---|---|" + String(repeating: "---|", count: statuses.count) + "\n"
      for c in r.walkthroughs {
        out += "| \(c.walkthrough) | \(c.stacks) | " + statuses.map { "\(c.count($0))" }.joined(separator: " | ") + " |\n"
      }
    }
    for c in r.walkthroughs where !c.offPathFrames.isEmpty || !c.unknownFrames.isEmpty || c.firstInconsistent != nil {
      out += "\n### \(c.walkthrough)\n\n"
      for (name, n) in c.offPathFrames.sorted(by: { $0.key < $1.key }) { out += "- off the path: `\(name)` ×\(n)\n" }
      for (name, why) in c.unknownFrames.sorted(by: { $0.key < $1.key }) { out += "- unknown to the index: `\(name)` (\(why))\n" }
      if let s = c.firstInconsistent {
        out += "\nFirst inconsistent stack (\(s.event), line \(s.line)) beside the path:\n\n| stack frame | path |\n|---|---|\n"
        for row in PathCheck.beside(s, path: c.path) {
          out += "| \(row.frame.isEmpty ? "" : "`\(row.frame)`") | \(cell(row.path)) |\n"
        }
      }
    }
    if !r.unchecked.isEmpty {
      out += "\nNot checked:\n\n" + r.unchecked.map { "- \($0)\n" }.joined()
    }
    return out
  }

  /// Text that is safe in a table cell: a `|` would end the cell.
  static func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
}
