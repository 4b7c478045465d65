import Foundation
import KwalkGraph
import KwalkSimulate
import KwalkTestSupport
import Testing

/// The simulator on sim-mini's TCP walkthrough: a data segment, the ACK it provokes from the softirq, one poll.
@Suite struct TCPSimulatorTests {
  @Test func dataSegmentAndItsAck() throws {
    let f = try SimFixture(walkthrough: "tcp-ipv4")
    let trace = try Simulator(
      graph: f.graph, paths: f.paths, scenario: try Scenario(walkthrough: "tcp-ipv4", payload: 5)
    ).run()
    let lines = trace.events.map { e in
      "\(e.name) \(e.skb ?? "-") \(e.len.map(String.init) ?? "-") \(e.context.rawValue)"
    }
    // 5 + TCP 32 (20 and timestamps; __tcp_transmit_skb) + IPv4 20 (ip_queue_xmit) + Ethernet 14; the ACK has no
    // payload and leaves from __tcp_transmit_skb in the softirq. The backlog is still scheduled, so NET_RX is not
    // raised again and the same poll takes the ACK (work 2).
    #expect(lines == [
      "net_dev_queue data#1 71 process", "netif_rx data#1 57 process", "softirq_raise - - process",
      "net_dev_xmit data#1 71 process", "softirq_entry - - softirq", "netif_receive_skb data#1 57 softirq",
      "net_dev_queue ack#1 66 softirq", "netif_rx ack#1 52 softirq", "net_dev_xmit ack#1 66 softirq",
      "netif_receive_skb ack#1 52 softirq", "napi_poll - - softirq", "softirq_exit - - softirq",
    ])
    #expect(trace.events[10].field("work") == "2")
    #expect(trace.events[0].queues.sk_write_queue == ["data#1"])  // tcp_sendmsg queued it
    #expect(trace.events[6].queues.sk_receive_queue == ["data#1"])  // tcp_data_queue
    #expect(trace.events[6].queues.sk_write_queue == ["data#1"])  // not yet acknowledged
    // tcp_sendmsg holds the socket (lock_sock): the ACK waits at tcp_v4_rcv's owner check until release_sock.
    #expect(trace.events[10].queues.sk_write_queue == ["data#1"])
    #expect(trace.events[10].queues.sk_receive_queue == ["data#1"])  // a bare ACK is not queued
    #expect(trace.events[6].function == "__dev_queue_xmit" && trace.events[6].leg == "send")
  }

  /// With the journey's events, sim-mini's TCP walk fires `tcp_probe` in `tcp_rcv_established` on the route; not
  /// `tcp_bad_csum` (on the exit after `csum_error:`) nor `kfree_skb` (in `tcp_drop`, called on a branch and from
  /// the exit). The ACK reaches the sender's socket while `tcp_sendmsg` holds it (`lock_sock`): the softirq stops at
  /// `tcp_v4_rcv`'s owner check, and the rest runs in process context at `release_sock`.
  @Test func journeyEventsOnTheRouteOnly() throws {
    let f = try SimFixture(walkthrough: "tcp-ipv4")
    let events = Scenario.journeyEvents(in: f.graph.snapshot)
    #expect(events.contains("tcp:tcp_probe") && events.contains("tcp:tcp_bad_csum") && events.contains("skb:kfree_skb"))
    let trace = try Simulator(
      graph: f.graph, paths: f.paths, scenario: try Scenario(walkthrough: "tcp-ipv4", payload: 5, events: events)
    ).run()
    let lines = trace.events.map { e in "\(e.name) \(e.skb ?? "-") \(e.context.rawValue)" }
    #expect(lines == [
      "net_dev_queue data#1 process", "netif_rx data#1 process", "softirq_raise - process", "net_dev_xmit data#1 process",
      "softirq_entry - softirq", "netif_receive_skb data#1 softirq", "tcp_probe - softirq",
      "net_dev_queue ack#1 softirq", "netif_rx ack#1 softirq", "net_dev_xmit ack#1 softirq",
      "netif_receive_skb ack#1 softirq", "napi_poll - softirq", "softirq_exit - softirq", "tcp_probe - process",
    ])
    let probe = try #require(trace.events.first { $0.name == "tcp_probe" })
    #expect(probe.site?.line == (try Fixtures.line(of: "tcp_probe:site", in: "net/ipv4/tcp.c", tree: "sim-mini")))
    #expect(probe.function == "tcp_rcv_established" && probe.len == nil)
  }
}
