import Foundation
import KwalkCore
import KwalkGraph
import KwalkIndex
import KwalkTestSupport
import Testing

/// Paths through every kind of hop on linux-mini, with exact hops and binding sites.
@Suite struct PathFinderTests {
  let graph: CallGraph
  let spec: WalkthroughSpec

  init() throws {
    let snapshot = try Fixtures.snapshot(
      tree: "linux-mini", files: ["net/core/dev.c", "drivers/net/loopback.c", "net/ipv4/ip_input.c", "kernel/softirq.c"])
    graph = CallGraph(snapshot: snapshot)
    spec = try WalkthroughSpec.parse(
      try String(contentsOfFile: Fixtures.tree("linux-mini") + "/walkthroughs/mini.walk", encoding: .utf8),
      source: "mini.walk")
  }

  func summary(_ p: PacketPath) -> [String] { p.hops.map { "\($0.caller) -\($0.kind.rawValue)-> \($0.callee)" } }

  @Test func sendPath() throws {
    let send = try PathFinder(graph: graph, spec: spec).path(direction: "send")
    #expect(summary(send) == [
      "dev_queue_xmit -direct-> dev_hard_start_xmit",
      "dev_hard_start_xmit -inline-> netdev_start_xmit",
      "netdev_start_xmit -pointer-> loopback_xmit",
      "loopback_xmit -direct-> netif_rx",
      "netif_rx -direct-> enqueue_to_backlog",
      "enqueue_to_backlog -direct-> __raise_softirq_irqoff",
    ])
    let pointer = send.hops[2]
    #expect(pointer.via == "ops->ndo_start_xmit")
    #expect(pointer.field == "net_device_ops.ndo_start_xmit")
    #expect(pointer.bindings.map { "\($0.file):\($0.line)" } == ["drivers/net/loopback.c:\(try Fixtures.line(of: "loopback_ops:designated", in: "drivers/net/loopback.c"))"])
    #expect(pointer.bindings.first?.text.hasPrefix(".ndo_start_xmit = loopback_xmit,") == true)
    #expect(send.hops[0].tracepoints.isEmpty)
    #expect(send.hops.last?.config == ["CONFIG_RPS"])
    #expect(send.hops[3].tracepoints == ["net:netif_rx"])
  }

  @Test func receivePath() throws {
    let receive = try PathFinder(graph: graph, spec: spec).path(direction: "receive")
    #expect(summary(receive) == [
      "enqueue_to_backlog -softirq-> net_rx_action",
      "net_rx_action -direct-> napi_poll",
      "napi_poll -pointer-> process_backlog",
      "process_backlog -direct-> deliver_skb",
      "deliver_skb -macro-> ip_rcv",
      "ip_rcv -inline-> NF_HOOK",
      "NF_HOOK -pointer-> ip_rcv_finish",
      "ip_rcv_finish -macro-> consume_skb",
    ])
    let softirq = receive.hops[0]
    #expect(softirq.bindings.first?.text == "open_softirq(NET_RX_SOFTIRQ, net_rx_action)")
    #expect(softirq.bindings.first?.form == "registration")
    #expect(receive.hops[2].bindings.first?.form == "assignment")
    let indirect = receive.hops[4]
    #expect(indirect.via == "INDIRECT_CALL_2")
    #expect(indirect.candidates == ["ipv6_rcv"])
    #expect(indirect.bindings.first?.file == "net/ipv4/ip_input.c")
    #expect(indirect.bindings.first?.line == (try Fixtures.line(of: "ip_packet_type:positional", in: "net/ipv4/ip_input.c")))
    let okfn = receive.hops[6]
    #expect(okfn.via == "okfn")
    #expect(okfn.bindings.first?.line == (try Fixtures.line(of: "NF_HOOK:inline", in: "net/ipv4/ip_input.c")))
    #expect(okfn.bindings.first?.form == "argument")
    #expect(receive.hops[7].via == "dev_kfree_skb")
  }

  @Test func unknownWaypoint() throws {
    var bad = spec
    bad.legs[0].waypoints = ["no_such_function"]
    #expect(throws: PathError.unknownFunction("no_such_function", walkthrough: "mini")) {
      try PathFinder(graph: graph, spec: bad).paths()
    }
  }

  @Test func pathThatCannotClose() throws {
    var bad = spec
    bad.legs[0].waypoints = ["consume_skb"]
    do {
      _ = try PathFinder(graph: graph, spec: bad).paths()
      Issue.record("expected an error")
    } catch let e as PathError {
      #expect(e.description.contains("no path from dev_queue_xmit to consume_skb"))
    }
  }

  @Test func constraintWithoutCandidate() throws {
    var bad = spec
    bad.constraints[0].choose = "loopback_xmit"
    #expect(throws: PathError.self) { try PathFinder(graph: graph, spec: bad).paths() }
  }

  @Test func malformedSpecAndUnknownName() throws {
    #expect(throws: WalkthroughError.malformed(file: "x.walk", line: 2, reason: "expected 'key: value'")) {
      try WalkthroughSpec.parse("name: x\nbogus line\n", source: "x.walk")
    }
    #expect(throws: WalkthroughError.unknown("nope", available: ["mini"])) {
      try WalkthroughSpec.named("nope", in: [spec])
    }
  }

  @Test func dotHasEveryHop() throws {
    let paths = try PathFinder(graph: graph, spec: spec).paths()
    let dot = DotWriter.dot(name: "mini", paths: paths)
    #expect(dot.contains("\"netdev_start_xmit\" -> \"loopback_xmit\" [style=bold"))
    #expect(dot.contains("\"enqueue_to_backlog\" -> \"net_rx_action\" [style=\"bold,dashed\""))
  }
}
