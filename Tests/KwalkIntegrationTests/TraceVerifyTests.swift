import Foundation
import KwalkCommandLine
import KwalkGraph
import KwalkSimulate
import KwalkTestSupport
import KwalkTrace
import Testing

/// Whether this machine can record a trace: root and tracefs (mounted, or mountable by kwalk trace).
enum TraceAvailability {
  static var reason: String? {
    if geteuid() != 0 { return "not root" }
    if !FileManager.default.fileExists(atPath: "/sys/kernel/tracing") { return "no /sys/kernel/tracing" }
    return nil
  }
}

/// What tracefs looks like from outside: its mounts and, when mounted, its instances. A run that changes nothing
/// leaves it equal; a fresh machine has tracefs unmounted, so the instances directory may not exist at all.
struct TracefsState: Equatable {
  var mounts: [String]
  var instances: [String]?

  static func now() -> TracefsState {
    let table = (try? String(contentsOfFile: "/proc/self/mounts", encoding: .utf8)) ?? ""
    let mounts = table.split(separator: "\n").filter { $0.split(separator: " ").dropFirst(2).first == "tracefs" }
    return TracefsState(
      mounts: mounts.map(String.init).sorted(),
      instances: (try? FileManager.default.contentsOfDirectory(atPath: "/sys/kernel/tracing/instances"))?.sorted())
  }
}

/// Records a real trace of the running kernel and verifies the 6.1 and 6.12 simulators and call graphs against it.
@Suite(.serialized) struct TraceVerifyTests {
  @Test(
    .enabled(if: TraceAvailability.reason == nil, "needs root and tracefs to record a trace"), arguments: ["6.1", "6.12"])
  func realTraceVerifiesSimulator(series: String) throws {
    let k = try (series == "6.1" ? RealKernel.v61 : RealKernel.v612).get()
    let before = TracefsState.now()
    let session = TraceSession(events: JourneyEvents.recorded)
    var u = utsname()
    uname(&u)
    let release = withUnsafeBytes(of: &u.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    // A reader that the scheduler had not yet put to sleep when its data came is not woken; and a reader asleep on
    // the other, idle CPU is woken there, later, from an interrupt (the kernel queues the wake-up to that CPU,
    // `ttwu_queue_wakelist`), not from the softirq the walkthrough follows. On a loaded machine either happens now
    // and then, so a recording where some walkthrough's reader was not woken in the softirq is taken again (three
    // recordings at most).
    var sims: [SimTrace] = []
    var legs: [String: [PacketPath]] = [:]
    for w in ["tcp-ipv4", "tcp-ipv6", "udp-ipv4", "udp-ipv6"] {
      let paths = try PathFinder(graph: k.graph, spec: try k.workspace.spec(w)).paths()
      legs[w] = paths
      // The whole journey's events: tcp_probe on the route, the ACK's deferred to the sender's release_sock.
      let scenario = try Scenario(walkthrough: w, payload: 5, events: Scenario.journeyEvents(in: k.graph.snapshot))
      sims.append(try Simulator(graph: k.graph, paths: paths, scenario: scenario).run())
    }
    let root = k.workspace.tree.sourceRoot
    var text = ""
    var attempt: RecordedTrace?
    var verified: TraceReport?
    for _ in 0..<3 {
      text = try session.record(
        exchange: LoopbackExchange(payload: 5, count: 1), marker: "kwalk payload=5 count=1 release=\(release)")
      // Nothing is left behind.
      #expect(!FileManager.default.fileExists(atPath: "/run/kwalk-trace.state"))
      #expect(TracefsState.now() == before, "tracefs is left as it was found, mounted or not")
      let parsed = try TraceParser.parse(text, source: "live")
      attempt = parsed
      let woken = LoopbackExchange.walkthroughs.allSatisfy { w in
        let records = parsed.records(of: w)
        return records.contains { $0.name == "sched_waking" && !$0.stack.isEmpty }
          && records.contains { $0.name == "sched_wakeup" && $0.inSoftirq }
      }
      // The receive softirq may also run on top of another task (an interrupt's exit during the reader's copy),
      // where its stacks are that task's: a real kernel branch the walkthrough does not follow. Taken once more too.
      let report = try Verifier(
        graph: k.graph, runningKernel: release, availableEvents: nil, namesInTree: { TreeNames.find($0, in: root) }
      ).verify(recorded: parsed, simulations: sims, paths: legs)
      verified = report
      if woken && report.skbs.allSatisfy({ $0.status == .matched || Self.wokenRemotely($0) }) { break }
    }
    let recorded = try #require(attempt)
    let report = try #require(verified)
    #expect(recorded.records.contains { !$0.stack.isEmpty })
    // Each walkthrough's traffic is marked, and its reader was asleep in recv when the data came: woken for real.
    #expect(recorded.spans.map(\.walkthrough) == LoopbackExchange.walkthroughs)
    for w in LoopbackExchange.walkthroughs {
      #expect(recorded.records(of: w).contains { $0.name == "sched_waking" && !$0.stack.isEmpty }, "\(w) \(text)")
    }
    // Every walkthrough's stacks follow its path: none leaves it between two of its frames.
    for c in report.walkthroughs {
      print("path check on \(series): \(c.walkthrough): \(c.stacks) stacks, \(c.count(.consistent)) consistent, "
        + "\(c.count(.inconsistent)) inconsistent, \(c.count(.versionGap)) version gap, \(c.count(.outside)) outside")
    }
    #expect(report.walkthroughs.map(\.walkthrough) == ["tcp-ipv4", "tcp-ipv6", "udp-ipv4", "udp-ipv6"])
    for w in ["tcp-ipv4", "tcp-ipv6", "udp-ipv4", "udp-ipv6"] {
      let c = try #require(report.walkthroughs.first { $0.walkthrough == w })
      #expect(c.count(.inconsistent) == 0, "\(ReportText.render(report))")
      #expect(c.count(.consistent) >= 5, "\(w): the send, receive and wake-up stacks follow the path")
    }
    // Data, ACK (tcp-ipv4, tcp-ipv6) and the datagram: each agrees with its walkthrough's recorded skb event for
    // event, tcp_probe included.
    #expect(report.skbs.filter { $0.walkthrough.hasPrefix("tcp") }.allSatisfy { $0.expected.contains { $0.hasPrefix("tcp_probe") } })
    let remote = report.skbs.filter(Self.wokenRemotely)
    #expect(report.skbs.map { "\($0.walkthrough) \($0.skb) \(Self.wokenRemotely($0) ? "matched" : $0.status.rawValue)" } == [
      "tcp-ipv4 data#1 matched", "tcp-ipv4 ack#1 matched", "tcp-ipv6 data#1 matched", "tcp-ipv6 ack#1 matched",
      "udp-ipv4 datagram#1 matched", "udp-ipv6 datagram#1 matched",
    ], "\(ReportText.render(report))")
    // The data and the datagrams wake the reader from the softirq, sched_waking before sched_wakeup, and the
    // recorded skb agrees; a bare ACK wakes no one.
    for check in report.skbs {
      let wake = check.expected.filter { $0.hasPrefix("sched_") }
      #expect(wake == (check.skb.hasPrefix("ack") ? [] : ["sched_waking softirq", "sched_wakeup softirq"]), "\(check.skb)")
      #expect(check.status != .matched || check.recorded.filter { $0.hasPrefix("sched_") } == wake)
    }
    // The woken reader's own recvfrom is reported, not compared: it copies the data out after the wake-up (TCP's
    // copy always prints skb_copy_datagram_iovec).
    let reader = LoopbackExchange.walkthroughs.flatMap { recorded.readerRecords(of: $0) }
    #expect(report.readerEvents.values.reduce(0, +) == reader.count && !reader.isEmpty, "\(report.readerEvents)")
    for w in ["tcp-ipv4", "tcp-ipv6"] {
      #expect(recorded.readerRecords(of: w).contains { $0.name == "skb_copy_datagram_iovec" }, "\(w)")
    }
    #expect(report.pairs.filter { $0.status == .explained }.count >= 40)
    // A reader woken on the other CPU is told apart by verify itself, and is no disagreement.
    #expect(remote.allSatisfy { $0.differences.first == "- sched_wakeup softirq" && $0.differences.count == 2 })
    #expect(report.realDisagreements == 0, "\(ReportText.render(report))")
  }

  /// An skb that differs from the walkthrough only by the reader's `sched_wakeup` missing from the softirq, found
  /// later on the other CPU: the reader slept there, idle, and the kernel queued its wake-up to that CPU
  /// (`ttwu_queue_wakelist`), where it fires from the IPI. On a quiet two-core machine that is the usual case, a
  /// real kernel branch the walkthrough does not show.
  static func wokenRemotely(_ check: TraceReport.SkbCheck) -> Bool { check.status == .wokenElsewhere }

  @Test(.enabled(if: geteuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"),
    "needs root to drop to nobody with setpriv"))
  func withoutRootNothingChanges() throws {
    let before = TracefsState.now()
    let (status, text) = try runKwalk(
      ["trace"], launcher: ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"])
    #expect(status == 1)
    #expect(text == "kwalk: error: kwalk trace needs root to use tracefs: run it with sudo (nothing was changed)\n")
    #expect(TracefsState.now() == before)
  }
}
