import Foundation
import KwalkGraph
import KwalkSimulate
import KwalkTestSupport
import Testing

/// The simulator on sim-mini's walkthroughs that go on to the reader's wake-up (`walkthroughs/wake-up/`): the
/// receive leg ends at `try_to_wake_up`, reached through `sock_def_readable`, `__wake_up_sync_key`,
/// `__wake_up_common` and the wait entry's callback.
@Suite struct WakeUpSimulatorTests {
  func simulate(_ walkthrough: String) throws -> SimTrace {
    let f = try SimFixture(walkthrough: walkthrough, toWakeUp: true)
    let events = Scenario.journeyEvents(in: f.graph.snapshot)
    #expect(events.contains("sched:sched_waking") && events.contains("sched:sched_wakeup"))
    return try Simulator(
      graph: f.graph, paths: f.paths, scenario: try Scenario(walkthrough: walkthrough, payload: 5, events: events)
    ).run()
  }

  func line(_ marker: String) throws -> Int { try Fixtures.line(of: marker, in: "kernel/sched/core.c", tree: "sim-mini") }

  /// `sched_waking` fires in `try_to_wake_up`'s `scoped_guard` body, between two calls of that body and far from
  /// the next; `sched_wakeup` in `ttwu_do_wakeup`, which the index places on its main line, under `ttwu_queue` and
  /// `ttwu_do_activate`. Both in the softirq, on the sender's task, for the reader, after the datagram is queued on
  /// the socket and before the poll ends. The `p == current` branch's pair does not fire.
  @Test func datagramWakesTheReader() throws {
    let trace = try simulate("udp-ipv4")
    let lines = trace.events.map { e in "\(e.name) \(e.skb ?? "-") \(e.context.rawValue)" }
    #expect(lines == [
      "net_dev_queue datagram#1 process", "netif_rx datagram#1 process", "softirq_raise - process",
      "net_dev_xmit datagram#1 process", "softirq_entry - softirq", "netif_receive_skb datagram#1 softirq",
      "sched_waking - softirq", "sched_wakeup - softirq", "napi_poll - softirq", "softirq_exit - softirq",
    ])
    let waking = try #require(trace.events.first { $0.name == "sched_waking" })
    let wakeup = try #require(trace.events.first { $0.name == "sched_wakeup" })
    #expect(waking.site?.line == (try line("sched_waking:site")) && waking.function == "try_to_wake_up")
    #expect(wakeup.site?.line == (try line("sched_wakeup:site")) && wakeup.function == "try_to_wake_up")
    #expect(waking.task == "kwalk" && waking.field("comm") == "kwalk-reader" && waking.leg == "receive")
    #expect(waking.queues.sk_receive_queue == ["datagram#1"])
  }

  /// TCP's data segment wakes the reader before its ACK leaves; the bare ACK stops where data would be queued and
  /// wakes no one.
  @Test func onlyTheDataSegmentWakesTheReader() throws {
    let trace = try simulate("tcp-ipv4")
    let lines = trace.events.map { e in "\(e.name) \(e.skb ?? "-") \(e.context.rawValue)" }
    #expect(lines == [
      "net_dev_queue data#1 process", "netif_rx data#1 process", "softirq_raise - process", "net_dev_xmit data#1 process",
      "softirq_entry - softirq", "netif_receive_skb data#1 softirq", "tcp_probe - softirq", "sched_waking - softirq",
      "sched_wakeup - softirq", "net_dev_queue ack#1 softirq", "netif_rx ack#1 softirq", "net_dev_xmit ack#1 softirq",
      "netif_receive_skb ack#1 softirq", "napi_poll - softirq", "softirq_exit - softirq", "tcp_probe - process",
    ])
  }

  /// The walkthroughs that stop at `sock_def_readable` reach the wake-up only through the wait entry's pointer,
  /// which the side effects do not follow: no scheduler event.
  @Test func noWakeUpBeforeTheLegReachesIt() throws {
    let f = try SimFixture(walkthrough: "udp-ipv4")
    let trace = try Simulator(
      graph: f.graph, paths: f.paths,
      scenario: try Scenario(walkthrough: "udp-ipv4", payload: 5, events: Scenario.journeyEvents(in: f.graph.snapshot))
    ).run()
    #expect(!trace.events.contains { $0.system == "sched" })
  }
}
