import Foundation
import KwalkTestSupport
import Testing

@testable import KwalkTrace

/// The parser on traces recorded with `kwalk trace` on a 6.18 kernel (trimmed), with and without stacks.
@Suite struct TraceParserTests {
  func fixture(_ name: String) throws -> String {
    try String(contentsOfFile: Fixtures.root + "/traces/" + name, encoding: .utf8)
  }

  @Test func withStacks() throws {
    let text = try fixture("tcp-ipv4-stacks.trace")
    let trace = try TraceParser.parse(text, source: "tcp-ipv4-stacks.trace")
    let lines = text.split(separator: "\n")
    let eventLines = lines.filter { !$0.hasPrefix("#") && !$0.hasPrefix(" =>") && !$0.contains("<stack trace>") }
    #expect(trace.records.count == eventLines.count - 1)  // the marker is kept apart
    #expect(trace.payload == 5 && trace.count == 1 && trace.kernelRelease?.hasPrefix("6.18") == true)
    #expect(trace.records.map(\.stack.count).reduce(0, +) == lines.filter { $0.hasPrefix(" => ") }.count)
    let first = try #require(trace.records.first)
    #expect(first.name == "net_dev_queue" && first.len == 71 && first.fields["dev"] == "lo" && !first.inSoftirq)
    #expect(first.task == "<...>" && first.cpu == 1 && first.flags == "b....")
    #expect(first.stack.first == "trace_event_raw_event_net_dev_template" && first.stack.contains("__dev_queue_xmit"))
    let receive = try #require(trace.records.first { $0.name == "netif_receive_skb" })
    #expect(receive.inSoftirq && receive.len == 57 && receive.fields["skbaddr"] == first.fields["skbaddr"])
    let napi = try #require(trace.records.first { $0.name == "napi_poll" })
    #expect(napi.fields["work"] == "2" && napi.fields["budget"] == "64")
    #expect(trace.records.first { $0.name == "softirq_raise" }?.fields["action"] == "NET_RX")
  }

  @Test func withoutStacksGroupsPerSkb() throws {
    let text = try fixture("loopback-nostacks.trace")
    let trace = try TraceParser.parse(text, source: "loopback-nostacks.trace")
    #expect(trace.records.allSatisfy { $0.stack.isEmpty })
    let groups = SkbGrouping.group(
      SkbGrouping.observed(trace, watched: Set(trace.records.map(\.name))))
    let queued = text.split(separator: "\n").filter { $0.contains(": net_dev_queue: dev=lo ") }.count
    #expect(groups.count == queued)
    #expect(groups.allSatisfy { $0.events.first?.name == "net_dev_queue" })
  }

  @Test func frameNamesLoseOffsetsAndClones() {
    #expect(TraceParser.frameName("tcp_sendmsg+0x2c/0x50") == "tcp_sendmsg")
    #expect(StackChecker.normalise("__netif_receive_skb_core.constprop.0") == "__netif_receive_skb_core")
    #expect(StackChecker.normalise("do_softirq.part.0") == "do_softirq")
    #expect(StackChecker.normalise("ip_rcv_core.isra.0.cold") == "ip_rcv_core")
    #expect(StackChecker.series("6.18.44-fc-v782") == "6.18")
  }

  @Test func notFtraceText() {
    #expect(throws: TraceError.notFtrace("notes.txt")) {
      try TraceParser.parse("hello\nthis is not a trace\n", source: "notes.txt")
    }
    #expect(throws: TraceError.notFtrace("empty")) { try TraceParser.parse("", source: "empty") }
  }

  @Test func noTracefsChangesNothing() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kwalk-notracefs-\(getpid())").path
    let state = dir + ".state"
    let session = TraceSession(tracefs: dir, stateFile: state, events: ["net:net_dev_queue"])
    if geteuid() == 0 {
      #expect(throws: TraceError.noTracefs("no such directory")) {
        try session.record(exchange: LoopbackExchange(payload: 1, count: 1), marker: "x")
      }
    } else {
      #expect(throws: TraceError.notRoot) { try session.record(exchange: LoopbackExchange(payload: 1, count: 1), marker: "x") }
    }
    #expect(!FileManager.default.fileExists(atPath: state) && !FileManager.default.fileExists(atPath: dir))
  }

  @Test func leftoversFromAKilledRunAreRestored() throws {
    let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("kwalk-left-\(getpid())")
    let instance = tmp.appendingPathComponent("instances/kwalk-1").path
    try FileManager.default.createDirectory(atPath: instance, withIntermediateDirectories: true)
    let state = tmp.appendingPathComponent("state").path
    try #"{"instance":"\#(instance)","mountedTracefs":false,"pid":1}"#.write(toFile: state, atomically: true, encoding: .utf8)
    let session = TraceSession(tracefs: tmp.path, stateFile: state, events: [])
    session.restoreLeftovers()
    #expect(!FileManager.default.fileExists(atPath: instance) && !FileManager.default.fileExists(atPath: state))
    #expect(session.notes == ["restored settings left by an earlier kwalk trace (pid 1): removed the ftrace instance \(instance)"])
    try? FileManager.default.removeItem(at: tmp)
  }
}
