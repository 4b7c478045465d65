import Foundation
import KwalkGraph
import KwalkSimulate
import KwalkTestSupport
import Testing

/// The simulator on sim-mini: events, order, lens, contexts, sites and queues of one UDP datagram.
@Suite struct SimulatorTests {
  let fixture: SimFixture

  init() throws { fixture = try SimFixture() }

  func run(payload: Int = 5, count: Int = 1) throws -> SimTrace {
    let scenario = try Scenario(walkthrough: "udp-ipv4", payload: payload, count: count)
    return try Simulator(graph: fixture.graph, paths: fixture.paths, scenario: scenario).run()
  }

  func summary(_ e: SimEvent) -> String {
    "\(e.name) \(e.skb ?? "-") \(e.len.map(String.init) ?? "-") \(e.context.rawValue) "
      + "\(e.site.map { "\($0.file):\($0.line)" } ?? "-")"
  }

  @Test func datagramEventsInOrderWithLens() throws {
    let trace = try run()
    // 5 bytes + UDP 8 (udp_send_skb) + IPv4 20 (ip_send_skb) + Ethernet 14 (ip_finish_output2's hh_len push);
    // loopback_xmit's eth_type_trans pulls 14 again before netif_rx.
    #expect(trace.events.map(summary) == [
      "net_dev_queue datagram#1 47 process \(try SimFixture.site("net_dev_queue:site", "net/core/dev.c"))",
      "netif_rx datagram#1 33 process \(try SimFixture.site("netif_rx:site", "net/core/dev.c"))",
      "softirq_raise - - process \(try SimFixture.site("softirq_raise:site", "kernel/softirq.c"))",
      "net_dev_xmit datagram#1 47 process \(try SimFixture.site("net_dev_xmit:site", "net/core/dev.c"))",
      "softirq_entry - - softirq \(try SimFixture.site("softirq_entry:site", "kernel/softirq.c"))",
      "netif_receive_skb datagram#1 33 softirq \(try SimFixture.site("netif_receive_skb:site", "net/core/dev.c"))",
      "napi_poll - - softirq \(try SimFixture.site("napi_poll:site", "net/core/dev.c"))",
      "softirq_exit - - softirq \(try SimFixture.site("softirq_exit:site", "kernel/softirq.c"))",
    ])
    #expect(trace.events[6].field("work") == "1")
  }

  @Test func queuesFollowTheSkb() throws {
    let e = try run().events
    #expect(e[2].queues.input_pkt_queue == ["datagram#1"])  // enqueue_to_backlog queued it before raising
    #expect(e[5].queues.input_pkt_queue.isEmpty && e[5].queues.process_queue.isEmpty)  // spliced, then dequeued
    #expect(e[6].queues.sk_receive_queue == ["datagram#1"])  // __udp_enqueue_schedule_skb
    #expect(e.map(\.function).prefix(2) == ["__dev_queue_xmit", "netif_rx"])
    #expect(e[0].leg == "send" && e[5].leg == "receive")
  }

  @Test func payloadAndCountAreParameters() throws {
    let trace = try run(payload: 100, count: 2)
    let queued = trace.events.filter { $0.name == "net_dev_queue" }
    #expect(queued.map(\.len) == [142, 142])
    #expect(queued.map(\.skb) == ["datagram#1", "datagram#2"])
    // Each datagram's softirq ran at rcu_read_unlock_bh, so the second one raises NET_RX again.
    #expect(trace.events.filter { $0.name == "softirq_raise" }.count == 2)
    #expect(Set(trace.skbs.map(\.address)).count == 2)
  }

  @Test func encoders() throws {
    let trace = try run()
    let text = FtraceEncoder.encode(trace)
    #expect(text.contains(
      "           kwalk-4242    [000] .....     1.000000: net_dev_queue: dev=lo skbaddr=ffff888004000100 len=47\n"))
    #expect(text.contains("[000] ..s1.     1.000006: napi_poll: napi poll on napi struct backlog for device "
      + "(no_device) work 1 budget 64\n"))
    let perfetto = try JSONSerialization.jsonObject(with: try PerfettoEncoder.encode(trace)) as? [String: Any]
    let events = try #require(perfetto?["traceEvents"] as? [[String: Any]])
    let flow = events.filter { $0["cat"] as? String == "skb" }.compactMap { $0["ph"] as? String }
    #expect(flow == ["s", "t", "t", "f"])
    let json = try JSONDecoder().decode(SimTrace.self, from: try SimJSONEncoder.encode(trace))
    #expect(json.events == trace.events)
  }

  /// The echo request: an 8-byte ICMP header before its data, over IPv4; the skbs are requests.
  @Test func icmpEchoScenario() throws {
    let s = try Scenario(walkthrough: "icmp-echo", payload: 5)
    #expect(s.transport == .icmp && s.network == .ipv4 && s.etherType == "0x0800")
    #expect(s.transportHeader == 8 && s.networkHeader == 20 && s.sentKind == "request")
    // The fixture's udp-ipv4 legs have no reply legs: nothing answers a datagram.
    let sim = try Simulator(graph: fixture.graph, paths: fixture.paths, scenario: try Scenario(walkthrough: "udp-ipv4", payload: 5))
    #expect(sim.reply == nil)
  }

  @Test func badScenarios() {
    #expect(throws: SimulateError.unknownScenario("sctp-ipv4")) { try Scenario(walkthrough: "sctp-ipv4", payload: 5) }
    // ICMP is named by its message: icmp-echo is ping 127.0.0.1; no other icmp-… name is a scenario.
    #expect(throws: SimulateError.unknownScenario("icmp-ipv4")) { try Scenario(walkthrough: "icmp-ipv4", payload: 5) }
    #expect(throws: SimulateError.badParameter("--count 0", "1...64")) {
      try Scenario(walkthrough: "udp-ipv4", payload: 5, count: 0)
    }
  }
}
