import KwalkClang
import KwalkCore
import KwalkTestSupport
import Testing

/// The monitoring and tuning facts of obs-mini: sysctl tables and registrations, defaults, MIB tables and printers,
/// `/proc` files and columns, counters and drops with their placement.
@Suite struct ObservabilityExtractorTests {
  func facts(_ file: String) throws -> ObservabilityFacts {
    let f = try Fixtures.facts(tree: "obs-mini", file: file)
    #expect(f.diagnostics.errors == 0, "\(file): \(f.diagnostics.firstErrors)")
    return f.observability
  }

  func line(_ marker: String, _ file: String) throws -> Int {
    try Fixtures.line(of: marker, in: file, tree: "obs-mini")
  }

  @Test func sysctlTablesPlainFieldAndPerNamespace() throws {
    let core = try facts("net/core/sysctl_net_core.c")
    let file = "net/core/sysctl_net_core.c"
    #expect(core.sysctlEntries.map(\.procname) == ["netdev_max_backlog", "netdev_budget", "netdev_budget_usecs"])
    #expect(core.sysctlEntries[0].data == .variable("netdev_max_backlog"))
    #expect(core.sysctlEntries[0].location.line == (try line("sysctl:backlog", file)))
    #expect(core.sysctlEntries[1].data == .field(StructField(structName: "net_hotdata", field: "netdev_budget")))
    #expect(core.sysctlEntries[1].rootType == "net_hotdata")
    #expect(
      core.sysctlRegistrations.map { "\($0.table) \($0.path) \($0.location.line)" }
        == ["net_core_table net/core \(try line("register:core", file))"])

    let ipv4 = try facts("net/ipv4/sysctl_net_ipv4.c")
    let ecn = try #require(ipv4.sysctlEntries.first)
    #expect(ecn.procname == "tcp_ecn")
    #expect(ecn.data == .field(StructField(structName: "netns_ipv4", field: "sysctl_tcp_ecn")))
    #expect(ecn.rootType == "net")
    // Registered through a local copy of the table.
    #expect(ipv4.sysctlRegistrations.map { "\($0.table) \($0.path)" } == ["ipv4_net_table net/ipv4"])
  }

  @Test func defaults() throws {
    let dev = try facts("net/core/dev.c")
    #expect(
      dev.defaults.map { "\($0.target)=\($0.value)@\($0.location.line)" }
        == ["netdev_max_backlog=1000@\(try line("netdev_max_backlog:default", "net/core/dev.c"))"])
    let hot = try facts("net/core/hotdata.c")
    #expect(
      hot.defaults.map { "\($0.target)=\($0.value)" } == [
        "net_hotdata.max_backlog=1000", "net_hotdata.netdev_budget=300",
        "net_hotdata.netdev_budget_usecs=2 * USEC_PER_SEC / HZ",
      ])
    let tcp = try facts("net/ipv4/tcp_ipv4.c")
    #expect(
      tcp.defaults.map { "\($0.target)=\($0.value) in \($0.function ?? "")@\($0.location.line)" }
        == ["netns_ipv4.sysctl_tcp_ecn=2 in tcp_sk_init@\(try line("tcp:ecn-default", "net/ipv4/tcp_ipv4.c"))"])
  }

  @Test func mibTablesPrintersAndProcFiles() throws {
    let proc = try facts("net/ipv4/proc.c")
    #expect(proc.mibTables.map(\.table) == ["snmp4_ipstats_list", "snmp4_tcp_list", "snmp4_udp_list", "snmp4_net_list"])
    #expect(
      proc.mibTables[0].items.map { "\($0.name)=\($0.constant)" } == [
        "InReceives=IPSTATS_MIB_INPKTS", "InHdrErrors=IPSTATS_MIB_INHDRERRORS", "InDelivers=IPSTATS_MIB_INDELIVERS",
      ])
    #expect(
      proc.mibPrinters.map { "\($0.table) \($0.functionName) \($0.heading)" } == [
        "snmp4_ipstats_list show_ip Ip", "snmp4_net_list netstat_seq_show TcpExt", "snmp4_tcp_list show_tcp Tcp",
        // Named by the heading printed before its names, not by the one before a macro that sums it (6.1's
        // snmp_get_cpu_field_batch walks snmp4_udp_list under the Tcp heading).
        "snmp4_udp_list show_tcp Udp",
      ])
    #expect(
      proc.procEntries.map { "\($0.name) \($0.show ?? "-")" } == ["snmp snmp_seq_show", "netstat netstat_seq_show"])
    let procfs = try facts("net/core/net-procfs.c")
    #expect(procfs.procEntries.map { "\($0.name) \($0.operations ?? "-")" } == ["softnet_stat softnet_seq_ops"])
    #expect(
      procfs.procColumns.first?.columns.map { $0?.description ?? "-" } == [
        "softnet_data.processed", "softnet_data.dropped", "softnet_data.time_squeeze", "-",
      ])
  }

  @Test func countersAndDropsWithPlacement() throws {
    let dev = try facts("net/core/dev.c")
    let d = "net/core/dev.c"
    func rows(_ o: ObservabilityFacts) -> [String] {
      o.counters.map { "\($0.counter) \($0.via) \($0.placement.rawValue) \($0.location.line) seg \($0.segment)" }
    }
    #expect(
      rows(dev).contains("softnet_data.processed __this_cpu_inc mainLine \(try line("receive:processed", d)) seg 0"))
    #expect(dev.counters.first { $0.counter.description == "softnet_data.time_squeeze" }?.placement == .branch)
    // The drop label after a fall-through statement is an exit because its segment drops the packet.
    let dropped = try #require(dev.counters.first { $0.counter.description == "softnet_data.dropped" })
    let droppedLine = try line("backlog:dropped", d)
    #expect(dropped.placement == .exit)
    #expect(dropped.location.line == droppedLine)
    let call = try #require(dev.drops.first { $0.kind == .call })
    #expect(call.callee == "kfree_skb_reason" && call.placement == .exit)
    #expect(call.segment == dropped.segment)
    #expect(call.location.line == (try line("backlog:drop", d)))
    #expect(
      dev.drops.filter { $0.kind == .reason }.map(\.reason) == [
        "SKB_DROP_REASON_NOT_SPECIFIED", "SKB_DROP_REASON_CPU_BACKLOG",
      ])

    let ip = try facts("net/ipv4/ip_input.c")
    let i = "net/ipv4/ip_input.c"
    #expect(rows(ip).contains("IPSTATS_MIB_INPKTS __IP_UPD_PO_STATS mainLine \(try line("ip:inpkts", i)) seg 0"))
    let hdr = try #require(ip.counters.first { $0.counter == .mib("IPSTATS_MIB_INHDRERRORS") })
    #expect(hdr.placement == .exit)
    // `kfree_skb` takes no reason but drops; `SKB_DR_SET(…, IP_CSUM)` names one through token pasting.
    #expect(ip.drops.contains { $0.kind == .call && $0.callee == "kfree_skb" && $0.segment == hdr.segment })
    #expect(
      ip.drops.contains { $0.reason == "SKB_DROP_REASON_IP_CSUM" && $0.location.line == (try? line("ip:reason", i)) })
    // The helper `ip_rcv_core` is called on `ip_rcv`'s main line.
    #expect(ip.helperCalls.contains { $0.callee.usr.hasSuffix("ip_rcv_core") && $0.placement == .mainLine })

    let tcp = try facts("net/ipv4/tcp_ipv4.c")
    let t = "net/ipv4/tcp_ipv4.c"
    #expect(rows(tcp).contains("TCP_MIB_INSEGS __TCP_INC_STATS mainLine \(try line("tcp:insegs", t)) seg 0"))
    #expect(tcp.counters.first { $0.counter == .mib("LINUX_MIB_TCPBACKLOGDROP") }?.placement == .branch)
    let inerrs = try #require(tcp.counters.first { $0.counter == .mib("TCP_MIB_INERRS") })
    // The call that passes a variable reason (the other passes SKB_CONSUMED).
    let tcpDrop = try #require(tcp.drops.first { $0.kind == .call && $0.reason == nil })
    #expect(inerrs.placement == .exit && tcpDrop.placement == .exit && inerrs.segment == tcpDrop.segment)
    #expect(tcpDrop.location.line == (try line("tcp:drop", t)))
  }

  @Test func readsOfStorageSysctlsCanBind() throws {
    let dev = try facts("net/core/dev.c")
    let d = "net/core/dev.c"
    #expect(
      dev.reads.contains {
        $0.target == .variable("netdev_max_backlog") && $0.location.line == (try? line("backlog:read", d))
      })
    #expect(
      dev.reads.contains {
        $0.target == .field(StructField(structName: "net_hotdata", field: "netdev_budget"))
          && $0.location.line == (try? line("rx_action:budget", d))
      })
    let tcp = try facts("net/ipv4/tcp_ipv4.c")
    #expect(
      tcp.reads.contains {
        $0.target == .field(StructField(structName: "netns_ipv4", field: "sysctl_tcp_ecn"))
          && $0.location.line == (try? line("tcp:ecn", "net/ipv4/tcp_ipv4.c"))
      })
    // Structs and arrays are not storage a sysctl binds.
    #expect(!dev.reads.contains { $0.target == .variable("softnet_data") })
  }
}
