import KwalkTrace

/// The counter part of a `kwalk verify` report as Markdown (`markdown/<kernel>/verify-counters.md`): per
/// walkthrough, each counter's status, prediction, movement and where the path or the index has it.
enum VerifyCountersMarkdown {
  static func render(_ r: TraceReport) -> String {
    var out = "# Counters on the running kernel \(r.runningKernel), against Linux \(r.indexedKernel)\n\n"
    out += "Each walkthrough's exchange ran in a network namespace of its own: `/proc/net/snmp` and "
      + "`/proc/net/netstat` count only its packets; `/proc/net/softnet_stat` is machine-wide.\n\n"
    var walkthroughs: [String] = []
    for c in r.counters where !walkthroughs.contains(c.walkthrough) { walkthroughs.append(c.walkthrough) }
    for w in walkthroughs {
      out += "## \(w)\n\n| status | counter | predicted | moved | where |\n|---|---|---|---|---|\n"
      for c in r.counters where c.walkthrough == w {
        let note = c.note.replacingOccurrences(of: "|", with: "\\|")
        out += "| \(c.status.label) | `\(c.name)` | \(c.predicted.map(String.init) ?? "—") | \(c.moved) | \(note) |\n"
      }
      out += "\n"
    }
    return out + r.summary + "\n"
  }
}
