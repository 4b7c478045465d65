import Foundation
import KwalkCommandLine
import KwalkGraph
import KwalkTestSupport
import KwalkTrace
import Testing

/// Counters checked on the running kernel: tcp-ipv4 and udp-ipv4 each run in a network namespace of their own
/// while a trace is recorded, and the counters their 6.1 and 6.12 paths predict moved by the amount the trace's
/// packets give.
@Suite(.serialized) struct CounterVerifyTests {
  static let walkthroughs = ["tcp-ipv4", "udp-ipv4"]

  /// Records the two walkthroughs, two messages each; tracefs and the test's own namespace are left as found.
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
    #expect(recorded.counters.map(\.walkthrough) == Self.walkthroughs)
    // Each namespace is new: before tcp-ipv4's messages it has seen its one connection set up, udp-ipv4's nothing.
    let tcp = try CounterSnapshot(texts: try #require(recorded.counters.first).before)
    #expect(tcp.values["Tcp: ActiveOpens"] == 1 && tcp.values["Tcp: PassiveOpens"] == 1)
    let udp = try CounterSnapshot(texts: try #require(recorded.counters.last).before)
    #expect(udp.values["Ip: InReceives"] == 0 && udp.values["Tcp: ActiveOpens"] == 0)
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
        // Predicted from the packets the trace shows: two messages, and for TCP their ACKs.
        let packets = try #require(mine.first { $0.name == "Ip: InReceives" }?.predicted)
        #expect(packets >= 2, "\(w): \(packets) packets")
        func status(_ name: String) -> CounterCheck.Status? { mine.first { $0.name == name }?.status }
        // The IP receive and send counters, found on the path in both versions, moved once per packet.
        for name in ["Ip: InReceives", "IpExt: InNoECTPkts", "IpExt: InOctets", "Ip: OutRequests", "IpExt: OutOctets"] {
          #expect(status(name) == .asPredicted, "\(label) \(w) \(name)")
        }
        #expect(!mine.contains { $0.status == .dropMoved }, "no drop counter of the path moved")
        #expect(mine.filter { $0.status == .unpredicted }.allSatisfy { !$0.note.isEmpty })
      }
      #expect(checks.first { $0.walkthrough == "tcp-ipv4" && $0.name == "Tcp: InSegs" }?.status == .asPredicted)
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
