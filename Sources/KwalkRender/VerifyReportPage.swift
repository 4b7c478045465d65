import KwalkTrace

/// The page of a `kwalk verify` report: kernels, each simulated skb against its recorded counterpart, the stack
/// frame pairs by verdict, and the summary line.
public enum VerifyReportPage {
  public static let path = "verify.html"

  public static func render(_ r: TraceReport) -> String {
    let e = SimulatorHTML.escape
    var b = "<h1>Simulator and graph against a real trace</h1>\n"
    b += "<p>Running kernel <b>\(e(r.runningKernel))</b> (trace \(e(r.traceSource))); indexed kernel "
      + "<b>\(e(r.indexedKernel))</b>.</p>\n<p class=\"summary\">\(e(r.summary))</p>\n"
    b += "<h2>Skbs</h2>\n<table>\n<tr><th>walkthrough</th><th>skb</th><th>status</th><th>expected</th>"
      + "<th>differences</th></tr>\n"
    for s in r.skbs {
      b += "<tr class=\"\(e(s.status.rawValue))\"><td>\(e(s.walkthrough))</td><td>\(e(s.skb))</td>"
        + "<td>\(e(s.status.rawValue))\(s.recordedLine.map { " (line \($0))" } ?? "")</td>"
        + "<td>\(s.expected.map(e).joined(separator: "<br>"))</td>"
        + "<td>\(s.differences.map(e).joined(separator: "<br>"))</td></tr>\n"
    }
    b += "</table>\n<h2>Stack frame pairs</h2>\n"
    for status in [TraceReport.PairStatus.disagreement, .versionGap, .outsideIndex, .explained] {
      let pairs = r.pairs.filter { $0.status == status }
      guard !pairs.isEmpty else { continue }
      b += "<h3>\(e(status.rawValue)) (\(pairs.count))</h3>\n<ul>\n"
      for p in pairs {
        b += "<li><code>\(e(p.caller)) → \(e(p.callee))</code> ×\(p.occurrences): \(e(p.reason))</li>\n"
      }
      b += "</ul>\n"
    }
    return SimulatorHTML.layout(title: "kwalk verify", css: "assets/simulator.css", script: nil, body: b)
  }
}
