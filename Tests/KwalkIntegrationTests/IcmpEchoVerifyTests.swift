import Foundation
import KwalkCommandLine
import KwalkGraph
import KwalkRender
import KwalkSimulate
import KwalkTestSupport
import KwalkTrace
import Testing

/// Where the shipped icmp-echo walkthrough lives; the tests below need it (and nothing else stands in for it).
let icmpEchoSpec = Fixtures.repository + "/Annotations/walkthroughs/icmp-echo.walk"

/// Records a ping of 127.0.0.1 on this machine and checks the icmp-echo simulation and path of 6.1 and 6.12
/// against it: the request and the reply event for event, every stack on the path.
@Suite(.serialized) struct IcmpEchoVerifyTests {
  static let ready = TraceAvailability.reason == nil && FileManager.default.fileExists(atPath: icmpEchoSpec)

  @Test(.enabled(if: ready, "needs root, tracefs and the shipped icmp-echo walkthrough"), arguments: ["6.1", "6.12"])
  func icmpEchoMatchesARealPing(series: String) throws {
    let k = try (series == "6.1" ? RealKernel.v61 : RealKernel.v612).get()
    let before = TracefsState.now()
    var u = utsname()
    uname(&u)
    let release = withUnsafeBytes(of: &u.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    let session = TraceSession(events: JourneyEvents.recorded)
    let text = try session.record(
      exchange: LoopbackExchange(payload: 5, count: 1), walkthroughs: ["icmp-echo"],
      marker: "kwalk payload=5 count=1 release=\(release)")
    #expect(TracefsState.now() == before, "tracefs is left as it was found, mounted or not")
    let recorded = try TraceParser.parse(text, source: "live")
    #expect(recorded.spans.map(\.walkthrough) == ["icmp-echo"])

    let legs = try PathFinder(graph: k.graph, spec: try k.workspace.spec("icmp-echo")).paths()
    let scenario = try Scenario(
      walkthrough: "icmp-echo", payload: 5, events: Scenario.journeyEvents(in: k.graph.snapshot))
    let simulator = try Simulator(graph: k.graph, paths: legs, scenario: scenario)
    // The reply's legs are found from the spec's shape: the one starting at the receive leg's exit, then the one
    // its softirq enters.
    #expect(simulator.reply.map { [$0.send.direction, $0.receive.direction] } == ["reply", "reply-receive"])
    let sim = simulator.run()
    // The request raises NET_RX; the reply, sent from inside that softirq onto the backlog it polls, does not, and
    // is received by the same poll (work 2).
    #expect(sim.skbs.map(\.label) == ["request#1", "reply#1"])
    #expect(sim.events.filter { $0.name == "softirq_raise" }.count == 1)
    #expect(sim.events.filter { $0.skb == "reply#1" }.allSatisfy { $0.context == .softirq })
    #expect(sim.events.first { $0.name == "napi_poll" }?.fields.contains(SimField("work", "2")) == true)
    // The simulator page walks all four legs: a link to a reply hop lands on an event of the reply.
    let page = SiteModel.Simulation(page: "sim/icmp-echo.html", trace: sim)
    let replyLanding = try #require(page.landings["reply-entry"])
    #expect(SiteModel.Simulation.legs(of: sim).map(\.direction) == ["send", "receive", "reply", "reply-receive"])
    #expect(replyLanding >= 0 && sim.events[replyLanding...].contains { $0.skb == "reply#1" })

    let root = k.workspace.tree.sourceRoot
    let report = try Verifier(
      graph: k.graph, runningKernel: release, availableEvents: nil, namesInTree: { TreeNames.find($0, in: root) }
    ).verify(recorded: recorded, simulations: [sim], paths: ["icmp-echo": legs])
    let c = try #require(report.walkthroughs.first { $0.walkthrough == "icmp-echo" })
    print("icmp-echo on \(series): \(c.stacks) stacks, \(c.count(.consistent)) consistent, "
      + "\(c.count(.inconsistent)) inconsistent, \(c.count(.versionGap)) version gap, \(c.count(.outside)) outside; "
      + report.skbs.map { "\($0.skb) \($0.status.rawValue)" }.joined(separator: ", "))
    #expect(c.count(.inconsistent) == 0, "\(ReportText.render(report))")
    #expect(c.count(.consistent) >= 8, "the request's and the reply's send, receive and wake-up stacks")
    // A reader woken on the other CPU is that real branch (see `TraceVerifyTests.wokenRemotely`).
    let remote = report.skbs.filter(TraceVerifyTests.wokenRemotely)
    #expect(
      report.skbs.map { "\($0.skb) \(TraceVerifyTests.wokenRemotely($0) ? "matched" : $0.status.rawValue)" }
        == ["request#1 matched", "reply#1 matched"], "\(ReportText.render(report))")
    #expect(remote.count <= 1 && report.realDisagreements == 0, "\(ReportText.render(report))")
    // The reader, asleep on its raw socket, is woken by the reply (not the request) from the softirq, and the
    // recorded reply shows the same two scheduler events.
    let reply = try #require(report.skbs.first { $0.skb == "reply#1" })
    #expect(reply.expected.filter { $0.hasPrefix("sched_") } == ["sched_waking softirq", "sched_wakeup softirq"])
    let recordedWake = TraceVerifyTests.wokenRemotely(reply) ? ["sched_waking softirq"] : ["sched_waking softirq", "sched_wakeup softirq"]
    #expect(reply.recorded.filter { $0.hasPrefix("sched_") } == recordedWake)
    #expect(report.skbs.first { $0.skb == "request#1" }?.expected.contains { $0.hasPrefix("sched_") } == false)
  }
}
