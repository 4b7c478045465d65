import Foundation
import KwalkCommandLine
import KwalkGraph
import KwalkTestSupport
import KwalkTrace
import Testing

/// Counters checked on the running kernel: every walkthrough runs in a network namespace of its own while a trace
/// is recorded, and the counters their 6.1 and 6.12 paths predict moved by the amount the trace's packets give,
/// IPv6's under the names `/proc/net/snmp6` prints.
@Suite(.serialized) struct CounterVerifyTests {
  static let walkthroughs = ["tcp-ipv4", "udp-ipv4", "tcp-ipv6", "udp-ipv6", "icmp-echo"]

  /// Records the walkthroughs, two messages each; tracefs and the test's own namespace are left as found.
  func record() throws -> RecordedTrace {
    let before = TracefsState.now()
    let namespace = NetworkNamespace.namespaceID()
    let text = try TraceSession(events: JourneyEvents.recorded).record(
      exchange: LoopbackExchange(payload: 5, count: 2), walkthroughs: Self.walkthroughs,
      marker: "kwalk payload=5 count=2 release=test")
    #expect(TracefsState.now() == before, "tracefs is left as it was found, mounted or not")
    #expect(NetworkNamespace.namespaceID() == namespace, "the recording thread's namespace is untouched")
    return try TraceParser.parse(text, source: "live")
  }

  @Test(.enabled(if: TraceAvailability.reason == nil, "needs root and tracefs to record a trace"))
  func countersMoveAsTheirPathsPredict() throws {
    let recorded = try record()
    #expect(recorded.counters.map(\.walkthrough).sorted() == Self.walkthroughs.sorted())
    func window(_ w: String) throws -> CounterSnapshot {
      try CounterSnapshot(texts: try #require(recorded.counters.first { $0.walkthrough == w }).before)
    }
    // Each namespace is new: before tcp-ipv4's messages it has seen its one connection set up, udp-ipv4's nothing;
    // the IPv6 ones have /proc/net/snmp6 too.
    let tcp = try window("tcp-ipv4")
    #expect(tcp.values["Tcp: ActiveOpens"] == 1 && tcp.values["Tcp: PassiveOpens"] == 1)
    let udp = try window("udp-ipv4")
    #expect(udp.values["Ip: InReceives"] == 0 && udp.values["Tcp: ActiveOpens"] == 0)
    #expect(try window("udp-ipv6").values["Ip6InReceives"] == 0)
    #expect(try window("tcp-ipv6").values["Ip6InReceives"].map { $0 > 0 } == true)
    for kernel in [RealKernel.v61, RealKernel.v612] {
      let k = try kernel.get()
      var legs: [String: [PacketPath]] = [:]
      for w in Self.walkthroughs { legs[w] = try PathFinder(graph: k.graph, spec: try k.workspace.spec(w)).paths() }
      let checks = try Verifier(graph: k.graph, runningKernel: "test", availableEvents: nil, namesInTree: { _ in [] })
        .checkCounters(recorded, paths: legs)
      let label = k.graph.snapshot.version.description
      print(ReportText.render({ var r = TraceReport(runningKernel: "test", indexedKernel: label, traceSource: "live",
        skbs: [], pairs: [], unmodelledSkbs: 0, recordedSkbs: 0); r.counters = checks; return r }()))
      for w in Self.walkthroughs {
        let mine = checks.filter { $0.walkthrough == w }
        let ipv6 = w.hasSuffix("ipv6")
        func status(_ name: String) -> CounterCheck.Status? { mine.first { $0.name == name }?.status }
        // Predicted from the packets the trace shows: two messages, and for TCP their ACKs, for ICMP the replies.
        let packets = try #require(mine.first { $0.name == (ipv6 ? "Ip6InReceives" : "Ip: InReceives") }?.predicted)
        #expect(packets >= 2, "\(w): \(packets) packets")
        // The IP receive counters, found on the path in both versions, moved once per packet or by its bytes.
        let received = ipv6
          ? ["Ip6InReceives", "Ip6InNoECTPkts", "Ip6InOctets"]
          : ["Ip: InReceives", "IpExt: InNoECTPkts", "IpExt: InOctets", "Ip: OutRequests", "IpExt: OutOctets"]
        for name in received { #expect(status(name) == .asPredicted, "\(label) \(w) \(name)") }
        // IPv6's increments are not named after IPv4's counters.
        if ipv6 { #expect(!mine.contains { $0.predicted != nil && $0.file == "/proc/net/snmp" && $0.name.hasPrefix("Ip") }) }
        let disagreeing = mine.filter(\.isDisagreement).map(\.name)
        #expect(disagreeing.isEmpty, "\(label) \(w): \(disagreeing)")
        #expect(!mine.contains { $0.status == .dropMoved }, "no drop counter of the path moved")
        #expect(mine.filter { $0.status == .unpredicted }.allSatisfy { !$0.note.isEmpty })
      }
      for w in ["tcp-ipv4", "tcp-ipv6"] {
        #expect(checks.first { $0.walkthrough == w && $0.name == "Tcp: InSegs" }?.status == .asPredicted)
        // Queued in order: the out-of-order queue's counter, after the branch the in-order packet returns from, is
        // not predicted.
        #expect(checks.first { $0.walkthrough == w && $0.name == "TcpExt: TCPOFOQueue" } == nil)
      }
    }
  }

  @Test func askingForCountersOfAnOldTraceFailsInOneLine() throws {
    let (status, out, err) = try runKwalkOutput(
      ["verify", "--trace", Fixtures.root + "/traces/tcp-ipv4-stacks.trace", "--counters"])
    #expect(status == 1 && out.isEmpty)
    #expect(
      err == "kwalk: error: tcp-ipv4-stacks.trace holds no counter snapshots (`# kwalk counters` lines): record it "
        + "again with `kwalk trace --out FILE`, or verify without --counters\n")
  }
}
