import Foundation
import KwalkCore
import KwalkGraph
import KwalkIndex
import KwalkTestSupport
import Testing

/// Per-hop tunables, counters and drop points on obs-mini's walkthrough, joined from the index.
@Suite struct ObservabilityJoinTests {
  let legs: [LegObservations]

  init() throws {
    let fixture = try ObsFixture()
    let join = ObservabilityJoin(snapshot: fixture.snapshot)
    legs = fixture.paths.map { LegObservations(path: $0, join: join) }
  }

  func step(_ function: String) throws -> HopObservations {
    try #require(legs.flatMap(\.steps).first { $0.function == function }).observations
  }

  func line(_ marker: String, _ file: String) throws -> Int {
    try Fixtures.line(of: marker, in: file, tree: "obs-mini")
  }

  @Test func enqueueToBacklog() throws {
    let o = try step("enqueue_to_backlog")
    let t = try #require(o.tunables.first)
    #expect(o.tunables.count == 1)
    #expect(t.name == "net.core.netdev_max_backlog" && t.defaultValue == "1000" && !t.perNamespace)
    #expect(t.read.line == (try line("backlog:read", "net/core/dev.c")))
    #expect(
      t.entry
        == Hop.Place(file: "net/core/sysctl_net_core.c", line: try line("sysctl:backlog", "net/core/sysctl_net_core.c"))
    )
    let drop = try #require(o.drops.first)
    #expect(drop.call == "kfree_skb_reason")
    #expect(drop.reasons.map(\.name) == ["SKB_DROP_REASON_NOT_SPECIFIED", "SKB_DROP_REASON_CPU_BACKLOG"])
    #expect(drop.counters.map(\.name) == ["softnet_stat column 2 (dropped)"])
    #expect(drop.counters.first?.file == "/proc/net/softnet_stat")
  }

  @Test func netRxActionReadsHotdataAndCountsThroughHelpers() throws {
    let o = try step("net_rx_action")
    #expect(
      o.tunables.map { "\($0.name)=\($0.defaultValue ?? "")" } == [
        "net.core.netdev_budget=300", "net.core.netdev_budget_usecs=2 * USEC_PER_SEC / HZ",
      ])
    #expect(o.counters.map { "\($0.name) \($0.placement.rawValue)" } == ["softnet_stat column 3 (time_squeeze) branch"])
  }

  @Test func ipRcvTakesInItsHelper() throws {
    let o = try step("ip_rcv")
    // `ip_rcv_core` is a static helper on `ip_rcv`'s main line; `ip_local_deliver` is a hop of its own.
    #expect(o.counters.map { "\($0.name) \($0.file) \($0.function)" } == ["Ip: InReceives /proc/net/snmp ip_rcv_core"])
    let drop = try #require(o.drops.first)
    #expect(drop.call == "kfree_skb" && drop.function == "ip_rcv_core")
    #expect(drop.reasons.map(\.name) == ["SKB_DROP_REASON_IP_CSUM"])
    #expect(drop.counters.map(\.name) == ["Ip: InHdrErrors"])
    #expect(try step("ip_local_deliver").counters.map(\.name) == ["Ip: InDelivers"])
  }

  @Test func tcpV4RcvPerNamespaceTunableAndCounters() throws {
    let o = try step("tcp_v4_rcv")
    let t = try #require(o.tunables.first)
    #expect(t.name == "net.ipv4.tcp_ecn" && t.perNamespace && t.defaultValue == "2")
    #expect(t.defaultAt?.line == (try line("tcp:ecn-default", "net/ipv4/tcp_ipv4.c")))
    // `tcp_v4_count_in` is exported (not a helper the index records) but defined in the same file and called on
    // the main line: its increment is the step's.
    #expect(
      o.counters.map { "\($0.name) \($0.placement.rawValue) \($0.function)" } == [
        "Tcp: InSegs mainLine tcp_v4_count_in", "TcpExt: TCPBacklogDrop branch tcp_v4_rcv",
      ])
    #expect(o.drops.first?.counters.map(\.name) == ["Tcp: InErrs"])
    #expect(o.drops.first?.reasons.map(\.name) == ["SKB_DROP_REASON_NOT_SPECIFIED", "SKB_DROP_REASON_NO_SOCKET"])
  }

  @Test func reasonsThatAreNoDropsAreLeftOut() throws {
    // `drop_reason = SKB_NOT_DROPPED_YET` is no drop reason, and `kfree_skb_reason(skb, SKB_CONSUMED)` no drop.
    let o = try step("tcp_v4_rcv")
    #expect(o.drops.map(\.call) == ["kfree_skb_reason"])
    #expect(o.drops.first?.at.line == (try line("tcp:drop", "net/ipv4/tcp_ipv4.c")))
    #expect(!o.drops.flatMap(\.reasons).contains { $0.name == "SKB_NOT_DROPPED_YET" || $0.name == "SKB_CONSUMED" })
  }

  @Test func mainLineCountersInOrder() throws {
    let receive = try #require(legs.first { $0.direction == "receive" })
    #expect(
      receive.mainLineCounters.map(\.counter.name) == [
        "softnet_stat column 1 (processed)", "Ip: InReceives", "Ip: InDelivers", "Tcp: InSegs",
      ])
  }
}
