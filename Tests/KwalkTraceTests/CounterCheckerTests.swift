import Foundation
import KwalkGraph
import KwalkTestSupport
import Testing

@testable import KwalkTrace

/// The counter check on obs-mini's `obs` walkthrough against `counters-obs.trace`: two packets on lo, predicted
/// counters that moved as predicted, by another amount and not at all, a drop counter that moved, and unpredicted
/// movers explained from the index.
@Suite struct CounterCheckerTests {
  let checks: [CounterCheck]

  init() throws {
    let fixture = try ObsFixture()
    let (snapshot, legs) = (fixture.snapshot, fixture.paths)
    let text = try String(contentsOfFile: Fixtures.root + "/traces/counters-obs.trace", encoding: .utf8)
    let recorded = try TraceParser.parse(text, source: "counters-obs.trace")
    let window = try #require(recorded.counters.first)
    checks = try CounterChecker(join: ObservabilityJoin(snapshot: snapshot)).check(window, recorded: recorded, legs: legs)
  }

  func check(_ name: String) throws -> CounterCheck { try #require(checks.first { $0.name == name }) }

  @Test func packetsComeFromTheTrace() throws {
    let text = try String(contentsOfFile: Fixtures.root + "/traces/counters-obs.trace", encoding: .utf8)
    let packets = CounterChecker.packets(try TraceParser.parse(text, source: "t"), walkthrough: "obs")
    #expect(packets.map(\.length) == [57, 52])
    #expect(packets.map { $0.sentFrom.contains("tcp_v4_rcv") } == [false, true])
  }

  @Test func predictedCountersInLegOrder() throws {
    #expect(
      checks.filter { $0.predicted != nil && $0.status != .dropMoved }.map {
        "\($0.name) \($0.status.rawValue) \($0.predicted ?? -1) \($0.moved)"
      } == [
        "softnet_stat column 1 (processed) machineWide 2 5", "Ip: InReceives asPredicted 2 2",
        "Ip: InDelivers differs 2 1", "Tcp: InSegs notMoved 2 0",
      ])
    #expect(try check("Ip: InReceives").note.contains("every packet on lo (2), once each"))
  }

  @Test func dropCounterThatMovedDisagrees() throws {
    let c = try check("Tcp: InErrs")
    #expect(c.status == .dropMoved && c.moved == 1 && c.isDisagreement)
    #expect(c.note.hasPrefix("counts the drop at kfree_skb_reason in tcp_v4_rcv at net/ipv4/tcp_ipv4.c:"))
  }

  @Test func unpredictedMoversAreExplainedFromTheIndex() throws {
    let branch = try check("TcpExt: TCPBacklogDrop")
    #expect(branch.status == .unpredicted && branch.moved == 3 && !branch.isDisagreement)
    let line = try Fixtures.line(of: "tcp:backlogdrop", in: "net/ipv4/tcp_ipv4.c", tree: "obs-mini")
    #expect(branch.note.hasPrefix("in a branch of tcp_v4_rcv at net/ipv4/tcp_ipv4.c:\(line) (receive step"))
    #expect(
      try check("TcpExt: TCPNotInTree").note
        == "the indexed kernel prints no such counter: version gap (the running kernel has it)")
    #expect(
      try check("Ip: InSegs").note
        == "the index names it Tcp: InSegs: the heading found for its table is not the one the file prints")
  }

  @Test func reportSaysItAll() throws {
    var report = TraceReport(
      runningKernel: "0.0.1", indexedKernel: "0.0.1", traceSource: "t", skbs: [], pairs: [], unmodelledSkbs: 0,
      recordedSkbs: 0)
    report.counters = checks
    #expect(report.counterDisagreements == 3)
    #expect(report.summary.contains(
      "counters 1 as predicted, 1 machine-wide, 0 computed amount, 1 differ, 1 not moved, 1 drops moved, 3 unpredicted; "))
    let text = ReportText.render(report)
    #expect(text.contains("\n  as predicted     Ip: InReceives: predicted 2, moved 2\n"))
    #expect(text.contains("\n  drops moved      Tcp: InErrs: predicted 0, moved 1\n"))
  }

  @Test func aCounterAfterTheBranchedCallThePathLeavesByIsExplained() throws {
    let fixture = try ObsFixture()
    let path = try #require(fixture.ipv6Paths.first)
    let leg = LegObservations(path: path, join: ObservabilityJoin(snapshot: fixture.snapshot))
    let step = try #require(leg.steps.first { $0.function == "udpv6_rcv" })
    let noPorts = try #require(step.observations.counters.first { $0.name == "Udp6NoPorts" })
    let call = try Fixtures.line(of: "udp6:deliver", in: "net/ipv6/udp.c", tree: "obs-mini")
    #expect(
      CounterChecker.besideOnwardCall(noPorts, step: step, path: path, snapshot: fixture.snapshot)
        == "after the branch the path leaves udpv6_rcv by (its call of udpv6_queue_rcv_skb at line \(call)): it runs "
        + "only where that branch falls through, which the index does not say")
  }
}
