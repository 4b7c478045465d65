import Foundation
import KwalkCore
import KwalkTestSupport
import Testing

@testable import KwalkGraph

/// One MIB enumerator, several counters: obs-mini's IPv4 and IPv6 tables name `IPSTATS_MIB_INPKTS` for the MIB each
/// `/proc` file prints them for, and the increment's macro picks the MIB.
@Suite struct IPv6CounterNamesTests {
  let fixture: ObsFixture
  let join: ObservabilityJoin

  init() throws {
    fixture = try ObsFixture()
    join = ObservabilityJoin(snapshot: fixture.snapshot)
  }

  func line(_ marker: String, _ file: String) throws -> Int {
    try Fixtures.line(of: marker, in: file, tree: "obs-mini")
  }

  @Test func eachMacroNamesTheCounterOfItsMib() throws {
    let increments = join.increments()
    // `__IP_UPD_PO_STATS` counts `Ip: InReceives` in /proc/net/snmp, `__IP6_UPD_PO_STATS` `Ip6InReceives` in
    // /proc/net/snmp6, a `Name value` line with no heading.
    let v4 = try #require(increments["Ip: InReceives"])
    #expect(v4.map { "\($0.function) \($0.file) \($0.at.line)" } == [
      "ip_rcv_core /proc/net/snmp \(try line("ip:inpkts", "net/ipv4/ip_input.c"))",
    ])
    let v6 = try #require(increments["Ip6InReceives"])
    #expect(v6.map { "\($0.function) \($0.file) \($0.key) \($0.at.line)" } == [
      "ip6_rcv_core /proc/net/snmp6  \(try line("ip6:inpkts", "net/ipv6/ip6_input.c"))",
    ])
    #expect(increments["Ip6InOctets"]?.map(\.counter) == ["IPSTATS_MIB_INOCTETS"])
    #expect(increments["Udp6NoPorts"]?.map(\.function) == ["udpv6_rcv"])
    // A table no show function prints beside a MIB (`snmp4_udp_list`) still names the enumerator, but the macro's
    // MIB wins where a table is printed for it.
    #expect(increments["Udp6InDatagrams"]?.map(\.function) == ["udpv6_queue_rcv_skb"])
    #expect(increments["Udp: InDatagrams"] == nil)
    #expect(join.names(ofItem: "Ip6InReceives") == ["Ip6InReceives"])
    #expect(join.printsHeading("") && join.printsHeading("Ip") && !join.printsHeading("Icmp"))
  }

  @Test func ipv6LegPredictsItsOwnCounters() throws {
    let leg = LegObservations(path: try #require(fixture.ipv6Paths.first), join: join)
    // One `__IP6_UPD_PO_STATS` counts packets and octets on one line.
    #expect(leg.mainLineCounters.map(\.counter.name) == ["Ip6InOctets", "Ip6InReceives", "Udp6InDatagrams"])
    #expect(leg.mainLineCounters.allSatisfy { $0.counter.file == "/proc/net/snmp6" })
  }

  @Test func aCounterAfterTheBranchThePathLeavesByIsNotMainLine() throws {
    // `udpv6_rcv` returns from `if (sk)` with the call the path takes; `Udp6NoPorts` after it is the index's main
    // line, but not the packet's.
    let raw = try #require(
      fixture.snapshot.observations.facts.counters.first { $0.location.line == (try? line("udp6:noports", "net/ipv6/udp.c")) })
    #expect(raw.placement == .mainLine)
    let leg = LegObservations(path: try #require(fixture.ipv6Paths.first), join: join)
    let step = try #require(leg.steps.first { $0.function == "udpv6_rcv" })
    #expect(step.observations.counters.map { "\($0.name) \($0.placement.rawValue)" } == ["Udp6NoPorts branch"])
    // Without a path to leave by, the same function keeps the index's placement.
    let alone = join.observations(of: raw.function, name: "udpv6_rcv", excluding: [])
    #expect(alone.counters.map { "\($0.name) \($0.placement.rawValue)" } == ["Udp6NoPorts mainLine"])
  }

  @Test func conventionsNameTheMibOfEachMacroFamily() {
    let m = ObservabilityConventions.mibField(ofMacro:)
    #expect(m("__IP6_UPD_PO_STATS") == "ipv6_statistics" && m("IP_UPD_PO_STATS") == "ip_statistics")
    #expect(m("__UDP6_INC_STATS") == "udp_stats_in6" && m("TCP_ADD_STATS") == "tcp_statistics")
    #expect(m("__NET_INC_STATS") == "net_statistics" && m("ICMP6_INC_STATS") == "icmpv6_statistics")
    #expect(m("SNMP_INC_STATS") == nil && m("__UDPX_INC_STATS") == nil && m("atomic_inc") == nil)
  }

  @Test func printfColumnsAreTheFieldsAReaderCounts() {
    let udp = #"seq_printf(f, "%5d: %08X:%04X %08X:%04X" " %02X %08X:%08X %02X:%08lX %08X %5u %8d %lu %d %pK %u", b, s)"#
    let columns = PrintfColumns.columns(ofCall: udp)
    #expect(columns?.count == 17 && columns?.last == 13 && columns?.prefix(3) == [1, 2, 2])
    #expect(PrintfColumns.columns(ofCall: #"seq_printf(seq, "%08x %08x%%\n", a, b)"#) == [1, 2])
    #expect(PrintfColumns.columns(ofCall: "seq_printf(seq, fmt, a)") == nil)
  }
}
