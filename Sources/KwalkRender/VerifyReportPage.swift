import KwalkTrace

/// The page of a `kwalk verify` report: kernels, each simulated skb against its recorded counterpart, each
/// walkthrough's recorded stacks against its path (`+Paths`), the stack frame pairs by verdict, and the summary line.
enum VerifyReportPage {
  static func render(_ v: SiteModel.VerifyReport, kernel: SiteModel.Kernel?) -> String {
    let r = v.report
    var body: [HTMLNode] = [
      .textTag("h1", "Simulator and graph against a real trace"),
      .tag(
        "p", class: "meta",
        [
          .text("Running kernel "), .tag("b", [:], [.text(r.runningKernel)]), .text(" (trace \(r.traceSource)); "),
          .text("indexed kernel "), .tag("b", [:], [.text(r.indexedKernel)]), .text("."),
        ]),
      .textTag("p", r.summary, class: "summary"),
      .textTag("h2", "Skbs"),
    ]
    let head = ["walkthrough", "skb", "status", "expected", "differences"].map { HTMLNode.textTag("th", $0) }
    let rows = r.skbs.map { s -> HTMLNode in
      var walk: [HTMLNode] = [.text(s.walkthrough)]
      if let k = kernel, k.simulations.contains(where: { $0.trace.scenario.walkthrough == s.walkthrough }) {
        walk = [.link(SitePaths.relative(from: v.page, to: SitePaths.simulator(kernel: k.label, name: s.walkthrough)),
          s.walkthrough)]
      }
      return .tag(
        "tr", ["class": s.status.rawValue],
        [
          .tag("td", [:], walk), .textTag("td", s.skb),
          .textTag("td", s.status.rawValue + (s.recordedLine.map { " (line \($0))" } ?? "")),
          .tag("td", [:], lines(s.expected)), .tag("td", [:], lines(s.differences)),
        ])
    }
    body.append(.tag("table", class: "verify", [.tag("thead", [:], [.tag("tr", [:], head)]), .tag("tbody", [:], rows)]))
    body += paths(r)
    body.append(.textTag("h2", "Stack frame pairs"))
    for status in [TraceReport.PairStatus.disagreement, .versionGap, .outsideIndex, .explained] {
      let pairs = r.pairs.filter { $0.status == status }
      guard !pairs.isEmpty else { continue }
      body.append(.textTag("h3", "\(status.rawValue) (\(pairs.count))"))
      body.append(
        .tag(
          "ul", [:],
          pairs.map { p in
            .tag("li", [:], [.code("\(p.caller) → \(p.callee)"), .text(" ×\(p.occurrences): \(p.reason)")])
          }))
    }
    body += counters(r)
    return PageLayout.document(
      page: v.page, title: "kwalk verify — Linux \(r.indexedKernel)",
      crumbs: [("Linux \(r.indexedKernel)", nil), ("verify", nil)], body: body)
  }

  /// Lines of text separated by line breaks.
  static func lines(_ items: [String]) -> [HTMLNode] {
    var out: [HTMLNode] = []
    for (i, item) in items.enumerated() {
      if i > 0 { out.append(.tag("br")) }
      out.append(.code(item))
    }
    return out
  }
}
