import Foundation
import KwalkGraph
import KwalkSimulate
import KwalkTestSupport
import Testing

@testable import KwalkTrace

/// Recorded stacks against sim-mini's udp-ipv4 path, on hand-written traces: attribution by the walkthrough's
/// markers, a consistent journey, frames off the path and out of order, frames the index does not know, and a
/// trace without stacks.
@Suite struct PathCheckTests {
  let fixture: SimFixture

  init() throws { fixture = try SimFixture() }

  func trace(_ name: String) throws -> RecordedTrace {
    try TraceParser.parse(
      try String(contentsOfFile: Fixtures.root + "/traces/" + name, encoding: .utf8), source: name)
  }

  func report(_ name: String) throws -> TraceReport {
    let sim = try Simulator(
      graph: fixture.graph, paths: fixture.paths, scenario: try Scenario(walkthrough: "udp-ipv4", payload: 5)
    ).run()
    return try Verifier(
      graph: fixture.graph, runningKernel: "0.0.1", availableEvents: nil,
      namesInTree: { Set($0.filter { $0 == "ip_rcv_core" }) }
    ).verify(recorded: try trace(name), simulations: [sim], paths: ["udp-ipv4": fixture.paths])
  }

  func check(_ name: String) throws -> PathCheck {
    try #require(try report(name).walkthroughs.first { $0.walkthrough == "udp-ipv4" })
  }

  @Test func markersAttributeRecords() throws {
    let t = try trace("journey-consistent.trace")
    #expect(t.spans == [TraceSpan(walkthrough: "udp-ipv4", tasks: [100, 101], records: 1..<6)])
    #expect(t.payload == 5 && t.count == 1)
    // The sender's, the reader's and the softirq's records; not sshd's, which is neither ours nor in a softirq.
    #expect(t.records(of: "udp-ipv4").map(\.task) == ["kwalk", "kwalk", "ksoftirqd/0", "kwalk-reader"])
    #expect(t.records(of: "tcp-ipv4").isEmpty)
  }

  @Test func consistentJourney() throws {
    let c = try check("journey-consistent.trace")
    #expect(c.path.map(\.function) == [
      "udp_sendmsg", "udp_send_skb", "ip_send_skb", "ip_finish_output2", "dev_queue_xmit", "__dev_queue_xmit",
      "dev_hard_start_xmit", "loopback_xmit", "netif_rx", "enqueue_to_backlog", "__raise_softirq_irqoff",
      "net_rx_action", "napi_poll", "process_backlog", "__netif_receive_skb", "ip_rcv", "ip_local_deliver_finish",
      "udp_rcv", "__udp_enqueue_schedule_skb", "sock_def_readable",
    ])
    // The reader's own copy after the wake-up is off the path: reported with the reader's events, not checked.
    #expect(c.counts == ["consistent": 3])
    #expect(try report("journey-consistent.trace").readerEvents == ["skb_copy_datagram_iovec": 1])
    #expect(c.firstInconsistent == nil && c.offPathFrames.isEmpty && c.unknownFrames.isEmpty)
    let receive = try #require(
      PathChecker(walkthrough: "udp-ipv4", legs: fixture.paths, snapshot: fixture.graph.snapshot)
        .stack(try #require(try trace("journey-consistent.trace").records.first { $0.name == "netif_receive_skb" })))
    let verdicts = receive.frames.map { "\($0.name) \($0.verdict.rawValue)" }
    #expect(verdicts == [
      "entry_SYSCALL_64_after_hwframe outside", "do_syscall_64 outside", "__sys_sendto outside", "udp_sendmsg onPath", "ip_send_skb onPath",
      "ip_finish_output2 onPath", "__dev_queue_xmit onPath", "__local_bh_enable_ip outside", "do_softirq outside",
      "__do_softirq outside", "net_rx_action onPath", "napi_poll onPath", "process_backlog onPath",
      "__netif_receive_skb onPath", "__netif_receive_skb_core outside",
    ])
    #expect(receive.frames.first { $0.name == "__do_softirq" }?.reason
      == "between the send and receive legs (how the next leg came to run)")
    #expect(try report("journey-consistent.trace").summary.contains(
      "stacks on the path 3 consistent, 0 inconsistent, 0 version gap, 0 outside; "))
    #expect(ReportText.render(try report("journey-consistent.trace")).contains(
      "not compared, the woken reader's own system call after the wake-up (off the path; stacks not checked): "
        + "skb_copy_datagram_iovec ×1\n"))
  }

  @Test func framesOffThePathAndOutOfOrder() throws {
    let r = try report("journey-offpath.trace")
    let c = try #require(r.walkthroughs.first)
    #expect(c.counts == ["inconsistent": 2, "consistent": 1])
    #expect(c.offPathFrames == ["ip_queue_xmit": 1, "ip_send_skb": 1])
    let first = try #require(c.firstInconsistent)
    #expect(first.line == 7 && first.event == "net_dev_queue")
    let off = try #require(first.frames.first { $0.name == "ip_queue_xmit" })
    #expect(off.verdict == .offPath && off.reason == "indexed, not on the path, between udp_sendmsg and ip_finish_output2")
    // Each inconsistent stack is a real disagreement, beside those of the skbs and frame pairs.
    let without = try report("journey-consistent.trace")
    #expect(r.realDisagreements - r.skbs.filter { $0.status == .differs || $0.status == .missing }.count
      - r.pairs.filter { $0.status == .disagreement }.count == 2)
    #expect(without.walkthroughs.first?.count(.inconsistent) == 0)
    let text = ReportText.render(r)
    #expect(text.contains("## udp-ipv4: 3 stacks: 1 consistent, 2 inconsistent, 0 versionGap, 0 outside\n"))
    #expect(text.contains("  off the path: ip_queue_xmit ×1\n"))
    #expect(text.contains(
      "    ip_queue_xmit                  ✗ offPath: indexed, not on the path, between udp_sendmsg and ip_finish_output2\n"))
    #expect(text.contains("    udp_sendmsg                    = udp_sendmsg (send)\n"))
    #expect(text.contains("                                   ip_send_skb  (not in the stack: inlined)\n"))
    #expect(r.summary.contains("stacks on the path 1 consistent, 2 inconsistent, 0 version gap, 0 outside; "))
    let order = try #require(
      PathChecker(walkthrough: "udp-ipv4", legs: fixture.paths, snapshot: fixture.graph.snapshot)
        .stack(try trace("journey-offpath.trace").records[1]))
    #expect(order.frames.map(\.verdict) == [.outside, .onPath, .onPath, .outOfOrder, .onPath])
    #expect(order.frames[3].reason == "on the path before ip_finish_output2, which called it")
  }

  /// GCC's partial inlining leaves `f.part.0` called by `f` (6.18's `icmp_echo.part.0` under `icmp_echo`): one frame
  /// of the path, not `f` calling itself out of order. A function that really calls itself stays twice.
  @Test func splitPartIsItsFunctionsOwnFrame() throws {
    let checker = PathChecker(walkthrough: "udp-ipv4", legs: fixture.paths, snapshot: fixture.graph.snapshot)
    var record = try #require(try trace("journey-consistent.trace").records.first { !$0.stack.isEmpty })
    let plain = checker.stack(record)
    #expect(plain.status == .consistent)
    let onPath = try #require(record.stack.firstIndex { name in plain.frames.contains { $0.name == name && $0.verdict == .onPath } })
    let name = record.stack[onPath]
    var split = record
    split.stack.insert(name + ".part.0", at: onPath)
    #expect(checker.stack(split) == plain)
    record.stack.insert(name, at: onPath)
    #expect(checker.stack(record).frames.map(\.verdict).contains(.outOfOrder))
    #expect(PathChecker.withoutSplitParts(["f.part.0", "f", "g.isra.0", "h"]) == ["f", "g", "h"])
  }

  /// Frames recorded inside the tracepoint's own handler frame (another stack the unwinder ran into) are not the
  /// traced code's: the stack reads as if they were not there.
  @Test func framesInsideTheTracepointsOwnFrameAreDropped() throws {
    let checker = PathChecker(walkthrough: "udp-ipv4", legs: fixture.paths, snapshot: fixture.graph.snapshot)
    let record = try #require(try trace("journey-consistent.trace").records.first { !$0.stack.isEmpty })
    let plain = checker.stack(record)
    #expect(plain.status == .consistent)
    var garbled = record
    let outermost = try #require(record.stack.last)
    garbled.stack = [outermost, "some_other_caller", "trace_event_raw_event_x"] + record.stack.drop { $0.hasPrefix("trace_event_raw_event_") }
    #expect(checker.stack(garbled).status == .consistent)
    #expect(checker.stack(garbled).frames.map(\.name) == plain.frames.map(\.name))
    // Without the handler frame between them, the foreign frames are read as the traced code's.
    garbled.stack.remove(at: 2)
    #expect(checker.stack(garbled).frames.map(\.name).contains("some_other_caller"))
  }

  @Test func framesTheIndexDoesNotKnow() throws {
    let r = try report("journey-unknown.trace")
    let c = try #require(r.walkthroughs.first)
    #expect(c.counts == ["versionGap": 2])
    #expect(c.unknownFrames == [
      "ip_make_skb_fast": "not in the 0.0 tree", "ip_rcv_core": "in the 0.0 tree but in no indexed file",
    ])
    #expect(r.walkthroughs.map { $0.count(.inconsistent) } == [0])
    #expect(ReportText.render(r).contains("  unknown: ip_make_skb_fast (not in the 0.0 tree)\n"))
  }

  @Test func traceWithoutStacksIsOneLine() throws {
    #expect(throws: TraceError.noStacks("journey-nostacks.trace")) { try report("journey-nostacks.trace") }
    #expect(TraceError.noStacks("t").description
      == "t has no stack traces, so the path cannot be checked: record one with `kwalk trace --out FILE` (without --no-stacks)")
  }

  @Test func traceWithoutMarkersLeavesPathsUnchecked() throws {
    let r = try report("tcp-ipv4-stacks.trace")
    #expect(r.walkthroughs.isEmpty)
    #expect(r.unchecked == ["udp-ipv4: the trace marks no traffic of it (record with kwalk trace)"])
  }
}
