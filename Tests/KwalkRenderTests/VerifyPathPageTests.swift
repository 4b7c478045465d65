import Foundation
import KwalkGraph
import KwalkRender
import KwalkSimulate
import KwalkTestSupport
import KwalkTrace
import Testing

/// The path checks on the verify page and in its Markdown: sim-mini's udp-ipv4 simulation and path against the
/// hand-written journey traces (one with stacks off the path and out of order, one with frames the index does not
/// know), checked by the real verifier.
@Suite struct VerifyPathPageTests {
  func report(_ traceName: String) throws -> TraceReport {
    let f = try SimFixture()
    let sim = try Simulator(graph: f.graph, paths: f.paths, scenario: try Scenario(walkthrough: "udp-ipv4", payload: 5)).run()
    let recorded = try TraceParser.parse(
      try String(contentsOfFile: Fixtures.root + "/traces/" + traceName, encoding: .utf8), source: traceName)
    return try Verifier(
      graph: f.graph, runningKernel: "0.0.1", availableEvents: nil,
      namesInTree: { Set($0.filter { $0 == "ip_rcv_core" }) }
    ).verify(recorded: recorded, simulations: [sim], paths: ["udp-ipv4": f.paths, "tcp-ipv4": f.paths])
  }

  func files(_ report: TraceReport) throws -> [RenderedFile] {
    var model = try SimMiniSite.model()
    model.verifyReport = SiteModel.VerifyReport(
      page: SitePaths.verifyReport(kernel: "mini"), kernelLabel: "mini", report: report)
    return SiteRenderer.render(model)
  }

  @Test func inconsistentStackBesideThePath() throws {
    let r = try report("journey-offpath.trace")
    let c = try #require(r.walkthroughs.first)
    #expect(c.count(.inconsistent) == 2)
    let files = try files(r)
    let html = try SimMiniSite.page(files, "mini/verify.html")
    // The counts table links each walkthrough to its section; a walkthrough with inconsistent stacks is marked.
    #expect(html.contains(
      "<tr class=\"inconsistent\"><td><a href=\"#path-udp-ipv4\">udp-ipv4</a></td><td>3</td><td>1</td><td>2</td><td>0</td><td>0</td></tr>"))
    #expect(html.contains("<section class=\"path-check\" id=\"path-udp-ipv4\"><h3>udp-ipv4</h3>\n<p>3 stacks: 1 consistent, 2 inconsistent, 0 version gap, 0 outside.</p>"))
    #expect(html.contains("<h4>Frames off the path</h4><ul><li><code>ip_queue_xmit</code> ×1</li>\n<li><code>ip_send_skb</code> ×1</li>\n</ul>"))
    #expect(html.contains("<h4>First inconsistent stack (net_dev_queue, line 7) beside the path</h4>"))
    #expect(html.contains(
      "<tr class=\"off\"><td><code>ip_queue_xmit</code></td><td>✗ offPath: indexed, not on the path, between udp_sendmsg and ip_finish_output2</td></tr>"))
    #expect(html.contains("<tr class=\"onPath\"><td><code>udp_sendmsg</code></td><td>= udp_sendmsg (send)</td></tr>"))
    #expect(html.contains("<tr class=\"inlined\"><td></td><td>ip_send_skb  (not in the stack: inlined)</td></tr>"))
    // A walkthrough the trace does not mark is listed as not checked.
    #expect(html.contains("<h3>Not checked</h3>\n<ul><li>tcp-ipv4: the trace marks no traffic of it (record with kwalk trace)</li>\n</ul>"))
    // The section sits between the skbs and the frame pairs.
    let skbs = try #require(html.range(of: "<h2>Skbs</h2>"))
    let paths = try #require(html.range(of: "<h2>Recorded stacks against each walkthrough&#39;s path</h2>")
      ?? html.range(of: "<h2>Recorded stacks against each walkthrough's path</h2>"))
    let pairs = try #require(html.range(of: "<h2>Stack frame pairs</h2>"))
    #expect(skbs.upperBound < paths.lowerBound && paths.upperBound < pairs.lowerBound)

    let md = try SimMiniSite.page(files, "markdown/mini/verify.md")
    #expect(md.contains("| walkthrough | stacks | consistent | inconsistent | version gap | outside |\n|---|---|---|---|---|---|\n| udp-ipv4 | 3 | 1 | 2 | 0 | 0 |\n"))
    #expect(md.contains("- off the path: `ip_queue_xmit` ×1\n"))
    #expect(md.contains("First inconsistent stack (net_dev_queue, line 7) beside the path:\n\n| stack frame | path |\n|---|---|\n"))
    #expect(md.contains("| `ip_queue_xmit` | ✗ offPath: indexed, not on the path, between udp_sendmsg and ip_finish_output2 |\n"))
    #expect(md.contains("|  | ip_send_skb  (not in the stack: inlined) |\n"))
    #expect(md.contains("\n- tcp-ipv4: the trace marks no traffic of it (record with kwalk trace)\n"))
    // The text report and the page show the same rows.
    let text = ReportText.render(r)
    for row in PathCheck.beside(try #require(c.firstInconsistent), path: c.path) where !row.frame.isEmpty {
      #expect(text.contains(row.path))
    }
  }

  @Test func framesTheIndexDoesNotKnowAreNamed() throws {
    let r = try report("journey-unknown.trace")
    let c = try #require(r.walkthroughs.first { $0.walkthrough == "udp-ipv4" })
    #expect(!c.unknownFrames.isEmpty)
    let files = try files(r)
    let html = try SimMiniSite.page(files, "mini/verify.html")
    #expect(html.contains("<h4>Frames the index does not know</h4>"))
    let md = try SimMiniSite.page(files, "markdown/mini/verify.md")
    for (name, why) in c.unknownFrames {
      #expect(html.contains("<li><code>\(name)</code>: \(why)</li>"))
      #expect(md.contains("- unknown to the index: `\(name)` (\(why))\n"))
    }
    #expect(c.firstInconsistent == nil && !html.contains("First inconsistent stack"))
  }
}
