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
    #expect(trace.events[10].queues.sk_write_queue.isEmpty)  // the ACK freed it
    #expect(trace.events[10].queues.sk_receive_queue == ["data#1"])  // a bare ACK is not queued
    #expect(trace.events[6].function == "__dev_queue_xmit" && trace.events[6].leg == "send")
  }
}
