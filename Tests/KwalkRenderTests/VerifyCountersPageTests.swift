import KwalkRender
import KwalkTrace
import Testing

/// The counter section of the verify page and its Markdown twin: a row per counter with its status, prediction and
/// movement; nothing for a report without counters.
@Suite struct VerifyCountersPageTests {
  func site(counters: [CounterCheck]) throws -> [RenderedFile] {
    var model = try SimMiniSite.model()
    var report = TraceReport(
      runningKernel: "6.18.44", indexedKernel: "6.1.192", traceSource: "t.trace", skbs: [], pairs: [],
      unmodelledSkbs: 0, recordedSkbs: 0)
    report.counters = counters
    model.verifyReport = SiteModel.VerifyReport(
      page: SitePaths.verifyReport(kernel: "mini"), kernelLabel: "mini", report: report)
    return SiteRenderer.render(model)
  }

  @Test func countersTableAndMarkdown() throws {
    let files = try site(counters: [
      CounterCheck(
        walkthrough: "udp-ipv4", name: "Ip: InReceives", file: "/proc/net/snmp", status: .asPredicted, predicted: 1,
        moved: 1, note: "__IP_UPD_PO_STATS in ip_rcv_core at net/ipv4/ip_input.c:471 (receive step 7)"),
      CounterCheck(
        walkthrough: "udp-ipv4", name: "Udp: OutDatagrams", file: "/proc/net/snmp", status: .unpredicted,
        predicted: nil, moved: 1, note: "in a branch of udp_send_skb | x"),
    ])
    let html = try SimMiniSite.page(files, "mini/verify.html")
    #expect(html.contains("<h2>Counters</h2>"))
    #expect(html.contains(
      "<tr class=\"matched\"><td>as predicted</td><td><code>Ip: InReceives</code></td><td>1</td><td>1</td>"))
    #expect(html.contains("<td>unpredicted</td><td><code>Udp: OutDatagrams</code></td><td>—</td><td>1</td>"))
    let md = try SimMiniSite.page(files, "markdown/mini/verify-counters.md")
    #expect(md.contains("## udp-ipv4\n\n| status | counter | predicted | moved | where |\n"))
    #expect(md.contains("| unpredicted | `Udp: OutDatagrams` | — | 1 | in a branch of udp_send_skb \\| x |\n"))
  }

  @Test func noCountersNoSection() throws {
    let files = try site(counters: [])
    #expect(!(try SimMiniSite.page(files, "mini/verify.html")).contains("Counters"))
    #expect(!files.contains { $0.relativePath.hasSuffix("verify-counters.md") })
  }
}
