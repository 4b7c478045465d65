import Foundation
import KwalkGraph
import KwalkSimulate
import KwalkTestSupport
import Testing

@testable import KwalkTrace

/// The verifier on sim-mini: a simulation checks against its own ftrace text; a changed len or a missing event is a
/// real disagreement; stack pairs are explained, outside the index, a version gap or a disagreement.
@Suite struct VerifierTests {
  let fixture: SimFixture
  let sim: SimTrace

  init() throws {
    fixture = try SimFixture()
    sim = try Simulator(
      graph: fixture.graph, paths: fixture.paths, scenario: try Scenario(walkthrough: "udp-ipv4", payload: 5)
    ).run()
  }

  func verifier(running: String = "0.0.1") -> Verifier {
    Verifier(graph: fixture.graph, runningKernel: running, availableEvents: nil, namesInTree: { Set($0.filter { $0 == "ip_rcv_core" }) })
  }

  @Test func simulationVerifiesAgainstItsOwnFtrace() throws {
    let recorded = try TraceParser.parse(FtraceEncoder.encode(sim), source: "sim")
    let report = try verifier().verify(recorded: recorded, simulations: [sim])
    #expect(report.skbs.map(\.status) == [.matched])
    #expect(report.realDisagreements == 0 && report.recordedSkbs == 1 && report.unmodelledSkbs == 0)
    #expect(report.summary.hasSuffix("real disagreements: 0"))
  }

  @Test func changedLenAndMissingEventDisagree() throws {
    var text = FtraceEncoder.encode(sim).replacingOccurrences(of: "netif_receive_skb: dev=lo skbaddr=ffff888004000100 len=33",
      with: "netif_receive_skb: dev=lo skbaddr=ffff888004000100 len=34")
    text = text.split(separator: "\n").filter { !$0.contains("softirq_raise") }.joined(separator: "\n")
    let report = try verifier().verify(recorded: try TraceParser.parse(text, source: "t"), simulations: [sim])
    let check = try #require(report.skbs.first)
    #expect(check.status == .differs)
    #expect(check.differences == [
      "- softirq_raise process", "- netif_receive_skb len=33 softirq", "+ netif_receive_skb len=34 softirq",
    ])
    #expect(report.realDisagreements == 1)
  }

  @Test func eventTheIndexedKernelLacksIsAVersionGap() throws {
    // sim-mini has no trace_netif_rx_entry site; a kernel that fires it differs by the version gap only.
    let lines = FtraceEncoder.encode(sim).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let rx = try #require(lines.firstIndex { $0.contains(": netif_rx: ") })
    var edited = lines
    edited.insert(lines[rx].replacingOccurrences(of: ": netif_rx: ", with: ": netif_rx_entry: "), at: rx)
    let report = try verifier().verify(recorded: try TraceParser.parse(edited.joined(separator: "\n"), source: "t"),
      simulations: [sim])
    #expect(report.skbs.first?.status == .versionGap)
    #expect(report.skbs.first?.differences == ["+ netif_rx_entry len=33 process"])
    #expect(report.realDisagreements == 0)
  }

  /// A reader asleep on another CPU: the recorded skb lacks the softirq's `sched_wakeup`, which the trace has later
  /// for the same pid on CPU 1, from an interrupt. verify tells that branch apart; without the later event, the skb
  /// differs.
  @Test func aReaderWokenOnAnotherCPUIsThatBranchNotADisagreement() throws {
    let f = try SimFixture(walkthrough: "udp-ipv4", toWakeUp: true)
    let wakeUp = try Simulator(
      graph: f.graph, paths: f.paths,
      scenario: try Scenario(walkthrough: "udp-ipv4", payload: 5, events: Scenario.journeyEvents(in: f.graph.snapshot))
    ).run()
    let lines = FtraceEncoder.encode(wakeUp).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let at = try #require(lines.firstIndex { $0.contains(": sched_wakeup: ") })
    let fields = try #require(lines[at].components(separatedBy: ": sched_wakeup: ").last)
    let pid = try #require(fields.split(separator: " ").first { $0.hasPrefix("pid=") }?.dropFirst(4))
    var elsewhere = lines
    elsewhere.remove(at: at)
    elsewhere.append("          <idle>-0       [001] dNh2.     1.000000: sched_wakeup: \(fields)")
    let v = Verifier(graph: f.graph, runningKernel: "0.0.1", availableEvents: nil, namesInTree: { _ in [] })
    let woken = try v.verify(
      recorded: try TraceParser.parse(elsewhere.joined(separator: "\n"), source: "t"), simulations: [wakeUp])
    let check = try #require(woken.skbs.first)
    #expect(check.status == .wokenElsewhere)
    #expect(check.differences == [
      "- sched_wakeup softirq",
      "  sched_wakeup of pid \(pid) on CPU 1 at line \(elsewhere.count), outside a softirq: woken on another CPU than the waker's 0",
    ])
    #expect(woken.realDisagreements == 0 && woken.summary.contains("1 woken on another CPU"))

    var missing = lines
    missing.remove(at: at)
    let lost = try v.verify(recorded: try TraceParser.parse(missing.joined(separator: "\n"), source: "t"), simulations: [wakeUp])
    #expect(lost.skbs.first?.status == .differs && lost.skbs.first?.differences == ["- sched_wakeup softirq"])
    #expect(lost.realDisagreements == 1)
  }

  @Test func noLoopbackEvents() throws {
    let text = FtraceEncoder.encode(sim).replacingOccurrences(of: "dev=lo", with: "dev=eth0")
    #expect(throws: TraceError.noLoopbackEvents("t")) {
      try verifier().verify(recorded: try TraceParser.parse(text, source: "t"), simulations: [sim])
    }
  }

  @Test func stackPairs() throws {
    let stack = [
      "trace_event_raw_event_net_dev_template", "__dev_queue_xmit", "ip_finish_output2", "ip_send_skb.constprop.0",
      "udp_sendmsg", "do_syscall_64",
    ]
    var text = "# tracer: nop\n"
    text += "           kwalk-1       [000] b....     1.000000: net_dev_queue: dev=lo skbaddr=ffff888004000100 len=47\n"
    text += "           kwalk-1       [000] b....     1.000001: <stack trace>\n"
    text += stack.map { " => \($0)+0x10/0x20\n" }.joined()
    text += "           kwalk-1       [000] ..s1.     1.000002: netif_receive_skb: dev=lo skbaddr=ffff888004000100 len=33\n"
    text += "           kwalk-1       [000] ..s1.     1.000003: <stack trace>\n"
    text += [
      "trace_event_raw_event_net_dev_template", "udp_rcv", "netif_rx", "ip_rcv_core", "ip_rcv",
    ].map { " => \($0)\n" }.joined()
    // loopback_xmit reaches udp_rcv only through the softirq, but it also calls eth_type_trans, which the fixture
    // never defines: the chain may run through it, so the pair is outside the index rather than a disagreement.
    text += "           kwalk-1       [000] ..s1.     1.000004: netif_receive_skb: dev=lo skbaddr=ffff888004000200 len=33\n"
    text += "           kwalk-1       [000] ..s1.     1.000005: <stack trace>\n"
    text += ["trace_event_raw_event_net_dev_template", "udp_rcv", "loopback_xmit"].map { " => \($0)\n" }.joined()
    let recorded = try TraceParser.parse(text, source: "t")
    let pairs = StackChecker(verifier: verifier(running: "0.0.1")).check(recorded)
    let byPair = Dictionary(uniqueKeysWithValues: pairs.map { ("\($0.caller)>\($0.callee)", $0) })
    #expect(byPair["ip_finish_output2>__dev_queue_xmit"]?.status == .explained)
    #expect(byPair["ip_finish_output2>__dev_queue_xmit"]?.chain == ["ip_finish_output2", "dev_queue_xmit", "__dev_queue_xmit"])
    #expect(byPair["udp_sendmsg>ip_send_skb"]?.chain == ["udp_sendmsg", "udp_send_skb", "ip_send_skb"])
    #expect(byPair["__dev_queue_xmit>trace_net_dev_queue"]?.status == .explained)
    #expect(byPair["do_syscall_64>udp_sendmsg"]?.status == .versionGap)  // the tree never mentions do_syscall_64
    #expect(byPair["ip_rcv>ip_rcv_core"]?.status == .outsideIndex)  // mentioned by the tree, not indexed
    #expect(byPair["netif_rx>udp_rcv"]?.status == .disagreement)  // same version (0.0), both indexed, no chain
    #expect(byPair["udp_rcv>trace_netif_receive_skb"]?.status == .disagreement)
    #expect(byPair["loopback_xmit>udp_rcv"]?.status == .outsideIndex)
    #expect(byPair["loopback_xmit>udp_rcv"]?.reason.contains("eth_type_trans") == true)
    let other = StackChecker(verifier: verifier(running: "6.18.1")).check(recorded)
    #expect(other.first { $0.caller == "netif_rx" && $0.callee == "udp_rcv" }?.status == .versionGap)
  }
}
