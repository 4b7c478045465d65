/// The counter section of `kwalk verify`'s report: per walkthrough, each predicted counter with the amount
/// predicted and moved, drop counters that moved, and the counters that moved unpredicted with where the index has
/// them.
extension ReportText {
  static func counters(_ r: TraceReport) -> String {
    guard !r.counters.isEmpty else { return "" }
    var out = "\n# counters in each walkthrough's network namespace (softnet_stat: machine-wide), predicted vs moved\n"
    var seen: [String] = []
    for c in r.counters where !seen.contains(c.walkthrough) { seen.append(c.walkthrough) }
    for w in seen {
      let rows = r.counters.filter { $0.walkthrough == w }
      out += "## \(w)\n"
      for c in rows {
        let amount = c.predicted.map { "predicted \($0), moved \(c.moved)" } ?? "moved \(c.moved)"
        out += "  \(c.status.label.padding(toLength: 16, withPad: " ", startingAt: 0)) \(c.name): \(amount)\n"
        out += "      \(c.note)\n"
      }
    }
    return out
  }
}
