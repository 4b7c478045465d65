import Foundation
import KwalkCore
import KwalkGraph
import KwalkRender
import KwalkSimulate
import KwalkTestSupport
import KwalkTrace
import Testing

/// The sim-mini site as `kwalk site` builds it: walkthrough pages whose steps link to the simulator page, the
/// simulator page with its events linked to the `trace_*` lines, and the verify report page.
enum SimMiniSite {
  /// The model for one sim-mini walkthrough, with its simulation (payload 5) and the files the pages link to.
  static func model(_ name: String = "udp-ipv4") throws -> SiteModel {
    let f = try SimFixture(walkthrough: name)
    let spec = try WalkthroughSpec.parse(
      try String(contentsOfFile: Fixtures.tree("sim-mini") + "/walkthroughs/\(name).walk", encoding: .utf8),
      source: "\(name).walk")
    let trace = try Simulator(graph: f.graph, paths: f.paths, scenario: try Scenario(walkthrough: name, payload: 5))
      .run()
    let sim = SiteModel.Simulation(page: SitePaths.simulator(kernel: "mini", name: name), trace: trace)
    let builder = SiteModelBuilder(functions: f.graph.snapshot.functions)
    let files = Set(builder.files(touchedBy: f.paths) + sim.traceSiteFiles).sorted()
    let read = try Fixtures.tokenized(tree: "sim-mini", files: files.map(\.value), units: SimFixture.files)
    var sources: [SourcePath: SourceFile] = [:]
    for (p, s) in read { sources[p] = builder.sourceFile(s, pages: Set(read.keys)) }
    let legs = f.paths.map { p -> SiteModel.Leg in
      var leg = builder.leg(p, sources: read)
      leg.simulatorPage = sim.page
      return leg
    }
    var kernel = SiteModel.Kernel(
      label: "mini", version: "0.0", debianPackage: nil, config: "none",
      walkthroughs: [SiteModel.Walkthrough(spec: spec, legs: legs)], sources: sources)
    kernel.simulations = [sim]
    return SiteModel(kernels: [kernel])
  }

  /// The text of the rendered file at `path`.
  static func page(_ files: [RenderedFile], _ path: String) throws -> String {
    let f = try #require(files.first { $0.relativePath == path }, "\(files.map(\.relativePath))")
    return String(decoding: f.bytes, as: UTF8.self)
  }
}

@Suite struct SimulatorSiteTests {
  @Test func simulatorPageGolden() throws {
    let html = try SimMiniSite.page(SiteRenderer.render(try SimMiniSite.model()), "mini/sim/udp-ipv4.html")
    assertSnapshot(html, named: "sim-mini-sim-udp-ipv4.html")
  }

  @Test func eventsLinkToTheirTraceSitesOnSourcePages() throws {
    let model = try SimMiniSite.model()
    let files = SiteRenderer.render(model)
    let html = try SimMiniSite.page(files, "mini/sim/udp-ipv4.html")
    let trace = model.kernels[0].simulations[0].trace
    #expect(html.components(separatedBy: "<li id=\"ev-").count - 1 == trace.events.count)
    // The fixture marks the net_dev_queue call site; the event links to that line of dev.c's page, which exists.
    let line = try Fixtures.line(of: "net_dev_queue:site", in: "net/core/dev.c", tree: "sim-mini")
    #expect(
      html.contains(
        "<a href=\"../source/net/core/dev.c.html#L\(line)\" class=\"place\"><code>net/core/dev.c:\(line)</code></a>"
          + " in <code>__dev_queue_xmit</code>"))
    #expect(files.contains { $0.relativePath == "mini/source/net/core/dev.c.html" })
    // Every event's site has a source page, softirq.c's softirq_entry included.
    for ev in trace.events {
      let site = try #require(ev.site)
      #expect(files.contains { $0.relativePath == "mini/source/\(site.file).html" }, "\(site.file)")
      #expect(html.contains("href=\"../source/\(site.file).html#L\(site.line)\""))
    }
    #expect(html.contains("<script src=\"../../assets/simulator.js\"></script>"))
    #expect(html.contains("<link rel=\"stylesheet\" href=\"../../assets/kwalk.css\">"))
    #expect(files.contains { $0.relativePath == "assets/simulator.js" })
    // The state after the first event: the datagram waits on the backlog.
    let first = trace.events[0]
    #expect(
      html.contains(
        "<li id=\"ev-0\" class=\"ev process\" data-name=\"net:\(first.name)\" data-hop=\"send-\(first.hop)\""))
    #expect(
      html.contains("data-queues=\"sk_write_queue=;input_pkt_queue=datagram#1;process_queue=;sk_receive_queue=\""))
    // No inline handlers or styles: the page's behaviour is the static script.
    #expect(!html.contains("onclick") && !html.contains("<style"))
  }

  @Test func everyStepLinksToItsHopOnTheSimulator() throws {
    let model = try SimMiniSite.model()
    let files = SiteRenderer.render(model)
    let sim = try SimMiniSite.page(files, "mini/sim/udp-ipv4.html")
    let simulation = model.kernels[0].simulations[0]
    for leg in model.kernels[0].walkthroughs[0].legs {
      let page = try SimMiniSite.page(files, "mini/walk/udp-ipv4/\(leg.path.direction).html")
      for i in leg.path.hops.indices {
        let key = "\(leg.path.direction)-\(i)"
        #expect(page.contains("<a href=\"../../sim/udp-ipv4.html#hop=\(key)\">"), "step \(i + 1)")
        let landing = try #require(simulation.landings[key])
        #expect(sim.contains("id=\"hop-\(key)\" value=\"\(i + 1)\" data-fn=\"\(leg.path.hops[i].callee)\" "
          + "data-event=\"\(landing)\""))
      }
    }
    // The home page links the simulator.
    #expect(try SimMiniSite.page(files, "index.html").contains("<a href=\"mini/sim/udp-ipv4.html\">simulator</a>"))
  }

  /// Position on a first walk: the send leg, then the receive leg.
  func order(_ leg: String, _ hop: Int) -> Int { (leg == "send" ? 0 : 1000) + hop }

  @Test func landings() throws {
    let sim = try SimMiniSite.model("tcp-ipv4").kernels[0].simulations[0]
    let events = sim.trace.events
    for (leg, path) in [("send", sim.trace.send), ("receive", sim.trace.receive)] {
      for hop in path.hops.indices {
        let landing = try #require(sim.landings["\(leg)-\(hop)"])
        if let first = events.firstIndex(where: { $0.leg == leg && $0.hop == hop }) {
          #expect(landing == first, "\(leg)-\(hop) fires event \(first)")
        } else if landing >= 0 {
          // A hop that fires nothing shows the state of an event fired before it on the first walk.
          let e = events[landing]
          #expect(order(e.leg, e.hop) < order(leg, hop), "\(leg)-\(hop) lands on event \(landing)")
          #expect(events[..<landing].allSatisfy { order($0.leg, $0.hop) < order(leg, hop) })
        } else {
          #expect(leg == "send" && hop < events[0].hop, "only hops before the first event land before it")
        }
      }
    }
    // The first send hop fires nothing in sim-mini's TCP walk: the reader lands before the first event.
    #expect(sim.landings["send-0"] == -1)
  }

  @Test func verifyReportPage() throws {
    var model = try SimMiniSite.model()
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
    #expect(!SiteRenderer.render(model).contains { $0.relativePath.hasSuffix("verify.html") })
    model.verifyReport = SiteModel.VerifyReport(
      page: SitePaths.verifyReport(kernel: "mini"), kernelLabel: "mini", report: report)
    let files = SiteRenderer.render(model)
    let html = try SimMiniSite.page(files, "mini/verify.html")
    #expect(html.contains("Running kernel <b>6.18.44</b> (trace t.trace); indexed kernel <b>6.1.192</b>"))
    #expect(html.contains("<td>differs (line 14)</td>"))
    #expect(html.contains("<td><a href=\"sim/udp-ipv4.html\">udp-ipv4</a></td>"))
    #expect(html.contains("<li><code>do_softirq → handle_softirqs</code> ×3: x &lt;y&gt;</li>"))
    #expect(html.contains("real disagreements: 1</p>"))
    #expect(try SimMiniSite.page(files, "index.html").contains("<a href=\"mini/verify.html\">"))
  }
}
