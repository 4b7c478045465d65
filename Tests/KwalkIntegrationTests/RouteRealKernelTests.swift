import Foundation
import KwalkCore
import KwalkGraph
import KwalkTestSupport
import Testing

/// The route engine on real 6.1 and 6.12: the two wrong turns a shortest chain takes on tcp-ipv4's send leg (found
/// by hand in issue #14) are right by evidence, and each is a branch point whose route not taken says why.
@Suite(.serialized) struct RouteRealKernelTests {
  /// tcp-ipv4's send leg under the spec's own waypoints with `inactive: rps, packet-taps` for its scenario, whatever the
  /// shipped spec declares, so that this test pins the engine, not the spec.
  func sendLeg(_ k: RealKernel) throws -> PacketPath {
    var spec = try k.workspace.spec("tcp-ipv4")
    spec.scenario = try WalkthroughSpec.parse(
      "name: s\n[l]\nentry: a\nexit: b\n[scenario]\nfamily: ipv4\ninactive: rps, packet-taps\n", source: "s.walk"
    ).scenario
    return try PathFinder(graph: k.graph, spec: spec).path(direction: "send")
  }

  func check(_ k: RealKernel) throws {
    let send = try sendLeg(k)
    let f = send.functions
    // A small send is pushed after the copy loop (tcp_push), not by the forced push inside it.
    let locked = try #require(f.firstIndex(of: "tcp_sendmsg_locked"))
    #expect(f[locked + 1] == "tcp_push" && f[locked + 2] == "__tcp_push_pending_frames")
    let push = try #require(send.branchPoints.first { $0.function == "tcp_sendmsg_locked" })
    let forced = try #require(
      push.notTaken.firstIndex { $0.callee == "__tcp_push_pending_frames" }, "the forced push is a route not taken")
    let forcedCondition = try #require(push.conditions[forced])
    #expect(forcedCondition.text.contains("forced_push(tp)") && forcedCondition.file == "net/ipv4/tcp.c")

    // Without RPS the packet is queued on this CPU and NET_RX is raised through the backlog's NAPI scheduling.
    let enqueue = try #require(send.hops.first { $0.caller == "netif_rx_internal" && $0.callee == "enqueue_to_backlog" })
    #expect(!enqueue.config.contains("CONFIG_RPS"))
    #expect(f.suffix(4).contains("____napi_schedule"))
    let raise = try #require(send.branchPoints.first { $0.function == "napi_schedule_rps" })
    let ipi = try #require(raise.notTaken.first { $0.callee == "__raise_softirq_irqoff" })
    #expect(ipi.ruledOut?.term == "rps")

    // Every branch point names the route it took and at least one it did not, each with a call site in the tree.
    #expect(send.branchPoints.count >= 5)
    for b in send.branchPoints {
      #expect(send.hops[b.hop].caller == b.function)
      #expect(!b.notTaken.isEmpty && b.notTaken.count == b.conditions.count)
      #expect(b.notTaken.allSatisfy { !$0.callsite.file.isEmpty && $0.callsite.line > 0 })
    }
    // Side steps: the taps and the qdisc are skipped on lo with no tap open, and say so with their conditions.
    let taps = try #require(send.sideSteps.first { $0.callee == "dev_queue_xmit_nit" })
    #expect(taps.ruledOut?.term == "packet-taps")
  }

  /// tcp-ipv4's receive leg as shipped: NET_RX runs where `__dev_queue_xmit` turns bottom halves back on, inside
  /// the sender's system call, and the segment is queued and the reader woken on the main line, not on the
  /// memory-pressure branches (`inactive: memory-pressure`).
  func checkReceive(_ k: RealKernel) throws {
    let receive = try #require(k.paths["receive"])
    let chain = receive.runsFunctions
    #expect(chain.first == "__dev_queue_xmit" && chain.last == "net_rx_action", "\(chain)")
    #expect(inOrder(["rcu_read_unlock_bh", "__local_bh_enable_ip", "do_softirq", "__do_softirq"], chain), "\(chain)")
    #expect(inOrder(["tcp_data_queue", "tcp_data_ready", "sock_def_readable"], receive.functions))
    let pfmemalloc = try #require(receive.branchPoints.first { $0.function == "__netif_receive_skb" })
    #expect(pfmemalloc.notTaken.contains { $0.ruledOut?.term == "memory-pressure" })
  }

  @Test func linux61() throws {
    try check(try RealKernel.v61.get())
    try checkReceive(try RealKernel.v61.get())
  }
  @Test func linux612() throws {
    try check(try RealKernel.v612.get())
    try checkReceive(try RealKernel.v612.get())
  }

  /// `kwalk route` between two functions under a walkthrough's scenario: the same engine, ranked routes.
  @Test func routeCommand() throws {
    let (status, out, err) = try runKwalkOutput([
      "route", "tcp_sendmsg_locked", "__tcp_push_pending_frames", "--kernel", "6.1", "--walkthrough", "tcp-ipv4",
      "--annotations", Fixtures.repository + "/Annotations",
    ])
    #expect(status == 0, "\(err)")
    #expect(out.contains("tcp_sendmsg_locked → tcp_push"))
    #expect(out.contains("# other routes, best first"))
    #expect(out.contains("2. from tcp_sendmsg_locked"))
    let (bad, _, badErr) = try runKwalkOutput([
      "route", "tcp_sendmsg_locked", "no such function", "--kernel", "6.1",
      "--annotations", Fixtures.repository + "/Annotations",
    ])
    #expect(bad != 0 && badErr.split(separator: "\n").count == 1 && badErr.contains("is not a C function name"))
  }
}
