import Foundation
import KwalkRender
import KwalkSimulate
import KwalkTestSupport
import KwalkTrace
import Testing

/// The simulator and verify-report pages on sim-mini: source links, hop and queue data, escaping.
@Suite struct SimulatorPageTests {
  let trace: SimTrace

  init() throws {
    let f = try SimFixture()
    trace = try Simulator(graph: f.graph, paths: f.paths, scenario: try Scenario(walkthrough: "udp-ipv4", payload: 5)).run()
  }

  @Test func eventsLinkToTheirTraceSites() throws {
    let html = SimulatorPage.render(trace)
    let site = try SimFixture.site("net_dev_queue:site", "net/core/dev.c")
    let line = site.split(separator: ":").last!
    #expect(html.contains("<a href=\"../src/net/core/dev.c.html#L\(line)\">\(site)</a> in __dev_queue_xmit"))
    #expect(html.components(separatedBy: "<li id=\"ev-").count - 1 == trace.events.count)
    let queueHop = trace.events[0].hop
    #expect(html.contains("<li id=\"ev-0\" class=\"ev process\" data-hop=\"send-\(queueHop)\" data-context=\"process\""))
    #expect(html.contains("data-queues=\"sk_write_queue=;input_pkt_queue=datagram#1;process_queue=;sk_receive_queue=\""))
    #expect(html.contains("<li value=\"\(queueHop)\" id=\"hop-send-\(queueHop)\">"))
    #expect(html.contains("<script src=\"../assets/simulator.js\"></script>"))
    let files = SimulatorPage.files([trace]).map(\.relativePath)
    #expect(files == ["simulator/udp-ipv4.html", "assets/simulator.js", "assets/simulator.css"])
  }

  @Test func escapingIsInOnePlace() {
    #expect(SimulatorHTML.escape("<a href=\"x\">&'</a>") == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;")
    #expect(SimulatorHTML.sourceLink(file: "a<b>.c", line: 3, text: "t&") == "<a href=\"../src/a&lt;b&gt;.c.html#L3\">t&amp;</a>")
  }

  @Test func verifyReportPage() {
    let report = TraceReport(
      runningKernel: "6.18.44", indexedKernel: "6.1.192", traceSource: "t.trace",
      skbs: [
        TraceReport.SkbCheck(
          walkthrough: "udp-ipv4", skb: "datagram#1", status: .differs, expected: ["net_dev_queue len=47 process"],
          recorded: ["net_dev_queue len=48 process"], recordedAddress: "00ab", recordedLine: 14,
          differences: ["- net_dev_queue len=47 process", "+ net_dev_queue len=48 process"])
      ],
      pairs: [
        TraceReport.PairCheck(
          caller: "do_softirq", callee: "handle_softirqs", status: .versionGap, chain: [], reason: "x <y>",
          occurrences: 3)
      ], unmodelledSkbs: 0, recordedSkbs: 1)
    let html = VerifyReportPage.render(report)
    #expect(html.contains("Running kernel <b>6.18.44</b> (trace t.trace); indexed kernel <b>6.1.192</b>"))
    #expect(html.contains("<td>differs (line 14)</td>"))
    #expect(html.contains("<li><code>do_softirq → handle_softirqs</code> ×3: x &lt;y&gt;</li>"))
    #expect(html.contains("real disagreements: 1</p>"))
  }
}
