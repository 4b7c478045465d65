import Foundation
import KwalkCore
import KwalkGraph
import KwalkTestSupport
import Testing

/// Tunables, counters and drop points of the classic steps on real Debian 6.1 and 6.12, found through the index:
/// the sysctl tables, the `SNMP_MIB_ITEM` tables and the `/proc` printers those kernels ship.
@Suite(.serialized) struct KnobsRealKernelTests {
  func legs(_ k: RealKernel) -> [String: LegObservations] {
    let join = ObservabilityJoin(snapshot: k.snapshot)
    var out: [String: LegObservations] = [:]
    for (direction, path) in k.paths { out[direction] = LegObservations(path: path, join: join) }
    return out
  }

  func step(_ function: String, _ legs: [String: LegObservations]) throws -> HopObservations {
    let all = legs.keys.sorted().flatMap { legs[$0]!.steps }
    return try #require(all.first { $0.function == function }, "no step \(function)").observations
  }

  func check(_ k: RealKernel, storage: (backlog: String, budget: String)) throws {
    let l = legs(k)
    let backlog = try step("enqueue_to_backlog", l)
    let t = try #require(backlog.tunables.first { $0.name == "net.core.netdev_max_backlog" })
    #expect(t.storage == storage.backlog && t.defaultValue == "1000" && !t.perNamespace)
    #expect(t.read.file == "net/core/dev.c" && t.entry.file == "net/core/sysctl_net_core.c")
    let drop = try #require(backlog.drops.first { $0.call == "kfree_skb_reason" })
    #expect(drop.reasons.map(\.name).contains("SKB_DROP_REASON_CPU_BACKLOG"))
    #expect(drop.counters.map(\.name) == ["softnet_stat column 2 (dropped)"])

    let rx = try step("net_rx_action", l)
    #expect(Set(rx.tunables.map(\.name)) == ["net.core.netdev_budget", "net.core.netdev_budget_usecs"])
    #expect(rx.tunables.first { $0.name == "net.core.netdev_budget" }?.storage == storage.budget)
    #expect(rx.tunables.first { $0.name == "net.core.netdev_budget" }?.defaultValue == "300")
    #expect(
      rx.counters.map { "\($0.name) \($0.placement.rawValue)" } == ["softnet_stat column 3 (time_squeeze) branch"])

    let ip = try step("ip_rcv", l)
    let main = ip.counters.filter { $0.placement == .mainLine }.map { "\($0.name) \($0.file)" }
    #expect(main.contains("Ip: InReceives /proc/net/snmp"))
    #expect(main.contains("IpExt: InNoECTPkts /proc/net/netstat"))
    let ipDrop = try #require(ip.drops.first { $0.function == "ip_rcv_core" && $0.call == "kfree_skb_reason" })
    #expect(ipDrop.reasons.map(\.name).contains("SKB_DROP_REASON_IP_CSUM"))
    #expect(Set(ipDrop.counters.map(\.name)).isSuperset(of: ["Ip: InHdrErrors", "IpExt: InCsumErrors"]))

    let tcp = try step("tcp_v4_rcv", l)
    #expect(tcp.counters.filter { $0.placement == .mainLine }.map(\.name) == ["Tcp: InSegs"])
    let tcpDrop = try #require(tcp.drops.first { !$0.counters.isEmpty })
    #expect(Set(tcpDrop.counters.map(\.name)) == ["Tcp: InCsumErrors", "Tcp: InErrs"])
    #expect(tcpDrop.reasons.map(\.name).contains("SKB_DROP_REASON_NO_SOCKET"))
    // A per-namespace tunable on the receive path: early demux, read as `net->ipv4.sysctl_…`.
    let finish = try step("ip_rcv_finish", l)
    #expect(
      finish.tunables.contains { $0.name == "net.ipv4.tcp_early_demux" && $0.perNamespace && $0.defaultValue == "1" })
  }

  @Test func linux61() throws {
    try check(try RealKernel.v61.get(), storage: ("netdev_max_backlog", "netdev_budget"))
  }

  /// 6.12 moved the hot tunables into `net_hotdata`: the same names, found through the new storage.
  @Test func linux612() throws {
    try check(try RealKernel.v612.get(), storage: ("net_hotdata.max_backlog", "net_hotdata.netdev_budget"))
  }
}
