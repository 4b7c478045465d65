import KwalkTrace

extension VerifyReportPage {
  /// The counter section: per walkthrough, a table of each counter's status, what the path predicts, how much it
  /// moved in the walkthrough's network namespace, and where the prediction or the index has it. Nothing for a
  /// trace without counter snapshots.
  static func counters(_ r: TraceReport) -> [HTMLNode] {
    guard !r.counters.isEmpty else { return [] }
    var out: [HTMLNode] = [
      .textTag("h2", "Counters"),
      .textTag(
        "p",
        "Each walkthrough's exchange ran in a network namespace of its own, so /proc/net/snmp and /proc/net/netstat "
          + "count only its packets; /proc/net/softnet_stat is machine-wide. Predicted: once per packet that passed "
          + "the step (bytes for an octets counter), from the packets the trace shows."),
    ]
    let head = ["status", "counter", "predicted", "moved", "where"].map { HTMLNode.textTag("th", $0) }
    var walkthroughs: [String] = []
    for c in r.counters where !walkthroughs.contains(c.walkthrough) { walkthroughs.append(c.walkthrough) }
    for w in walkthroughs {
      out.append(.textTag("h3", w))
      let rows = r.counters.filter { $0.walkthrough == w }.map { c -> HTMLNode in
        .tag(
          "tr", ["class": c.isDisagreement ? "differs" : c.status == .asPredicted ? "matched" : c.status.rawValue],
          [
            .textTag("td", c.status.label), .tag("td", [:], [.code(c.name)]),
            .textTag("td", c.predicted.map(String.init) ?? "—"), .textTag("td", String(c.moved)), .textTag("td", c.note),
          ])
      }
      out.append(.tag("table", class: "verify", [.tag("thead", [:], [.tag("tr", [:], head)]), .tag("tbody", [:], rows)]))
    }
    return out
  }
}
