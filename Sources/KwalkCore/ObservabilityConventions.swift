import Foundation

/// The one place for what kwalk knows about monitoring and tuning only by the kernel's conventions, not from the
/// index. Everything else (sysctl names, paths and defaults, MIB names, `/proc` columns, drop reasons) is read from
/// the tree.
public enum ObservabilityConventions {
  /// The struct behind every sysctl table (`struct ctl_table net_core_table[]`).
  public static let sysctlTableStruct = "ctl_table"
  /// The element of the kernel's MIB name tables, written with `SNMP_MIB_ITEM("InReceives", IPSTATS_MIB_INPKTS)`.
  public static let mibItemStruct = "snmp_mib"
  /// The enum of drop reasons (`SKB_DROP_REASON_*`): a call to a function taking one drops the packet.
  public static let dropReasonEnum = "skb_drop_reason"
  /// Where the `/proc` files the network stack creates appear (`proc_create_net*(…, net->proc_net, …)`, and
  /// `softnet_stat` beside them).
  public static let procDirectory = "/proc/net"
  /// The packet: a drop function takes one beside its reason.
  public static let packetStruct = "sk_buff"
  /// Storage reached through this struct is per network namespace (`net->ipv4.sysctl_…`, `&init_net.core.…`).
  public static let namespaceStruct = "net"

  /// True for the macros that increment a MIB counter: `__IP_INC_STATS`, `TCP_INC_STATS`, `__NET_ADD_STATS`,
  /// `__IP_UPD_PO_STATS`, `__UDPX_INC_STATS`, `SNMP_INC_STATS` … (a family name, then `INC`, `ADD` or `UPD_PO`,
  /// then `STATS`). The MIB enumerator passed to one is the counter.
  public static func isMibIncrementMacro(_ name: String) -> Bool {
    name.range(of: #"^_*[A-Z0-9]+_(INC|ADD|UPD_PO)_STATS(_[A-Z0-9_]+)?$"#, options: .regularExpression) != nil
  }

  /// The member of `struct net` that holds the MIBs (`struct netns_mib mib`): a `/proc` show function names the MIB
  /// it prints a table for as `net->mib.ip_statistics`.
  public static let namespaceMibMember = "mib"

  /// The MIB (a field of `struct netns_mib`) each family of increment macros updates, from the macros' definitions
  /// in `include/net/{ip,ipv6,tcp,udp,icmp,mptcp}.h`: `__IP6_INC_STATS(net, idev, f)` expands (through
  /// `_DEVINC_NET(ipv6, …)` and token pasting) to `SNMP_INC_STATS64((net)->mib.ipv6_statistics, f)`. The family is
  /// the macro's name without its leading underscores and `_INC_STATS`/`_ADD_STATS`/`_UPD_PO_STATS` tail.
  /// `UDP_INC_STATS` may update `udplite_statistics` instead when its `is_udplite` argument holds, which no path
  /// here takes. Families not here (`SNMP`, whose MIB is an argument; `__UDPX`, which picks IPv4 or IPv6 by the
  /// socket at run time) name no MIB.
  public static let mibFieldOfMacroFamily: [String: String] = [
    "IP": "ip_statistics", "IP6": "ipv6_statistics", "TCP": "tcp_statistics", "NET": "net_statistics",
    "UDP": "udp_statistics", "UDP6": "udp_stats_in6", "ICMP": "icmp_statistics", "ICMP6": "icmpv6_statistics",
    "MPTCP": "mptcp_statistics", "XFRM": "xfrm_statistics",
  ]

  /// The MIB an increment macro updates (`__IP6_UPD_PO_STATS` → `ipv6_statistics`), or nil.
  public static func mibField(ofMacro name: String) -> String? {
    guard let r = name.range(of: #"^_*[A-Z0-9]+?(?=_(INC|ADD|UPD_PO)_STATS)"#, options: .regularExpression) else {
      return nil
    }
    return mibFieldOfMacroFamily[String(name[r].drop { $0 == "_" })]
  }

  /// True for the functions and macros that add to the field whose address they take: `atomic_inc(&sd->dropped)`,
  /// `u64_stats_inc(&lstats->packets)`, `u64_stats_add(&lstats->bytes, len)`, `__this_cpu_inc(softnet_data.processed)`.
  public static func isFieldIncrement(_ name: String) -> Bool {
    name.range(of: #"(^|_)(inc|add)$"#, options: .regularExpression) != nil && !name.hasPrefix("refcount")
  }

  /// True for the calls that create a `/proc` file (`proc_create_net_single`, `proc_create_seq`).
  public static func isProcCreate(_ name: String) -> Bool { name.hasPrefix("proc_create") }

  /// True for the `printf`-like calls whose arguments are a `/proc` line's columns (`seq_printf`).
  public static func isPrintf(_ name: String) -> Bool { name.hasSuffix("printf") }

  /// True for a struct whose fields are device or per-CPU statistics, shown when incremented though no `/proc` file
  /// kwalk indexes prints them (`pcpu_lstats.packets`, which `ip -s link show lo` reports).
  public static func isStatisticsStruct(_ name: String) -> Bool { name.contains("stats") }

  /// The heading a `/proc` line starts with, from the literal printed before a MIB table's names:
  /// `"\nTcp:"` → `Tcp`, `"Ip: Forwarding DefaultTTL"` → `Ip`.
  public static func heading(of literal: String) -> String? {
    let t = literal.hasPrefix("\n") ? String(literal.dropFirst()) : literal
    guard let colon = t.firstIndex(of: ":") else { return nil }
    let name = t[..<colon]
    guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber }) else { return nil }
    return String(name)
  }
}

extension ObservabilityConventions {
  /// Drop functions that take no reason: `kfree_skb` (6.1 wraps `kfree_skb_reason(skb, …NOT_SPECIFIED)` in it).
  public static let dropsWithoutReason: Set<String> = ["kfree_skb"]
}

extension ObservabilityConventions {
  /// True for a MIB enumerator that counts bytes rather than packets (`IPSTATS_MIB_INOCTETS`, which
  /// `__IP_UPD_PO_STATS(net, IPSTATS_MIB_IN, skb->len)` adds the length to): the kernel's names end in `OCTETS`.
  public static func countsBytes(_ counter: String) -> Bool { counter.hasSuffix("OCTETS") }

  /// True for an increment macro that adds an amount the code passes (`NET_ADD_STATS(net, …, delivered)`), not one.
  public static func addsAmount(_ via: String) -> Bool { via.contains("_ADD_STATS") }
}

extension ObservabilityConventions {
  /// True for an enumerator of `enum skb_drop_reason` that names a drop: the kernel writes those
  /// `SKB_DROP_REASON_*`; `SKB_NOT_DROPPED_YET` (the 0 a reason variable starts at) and `SKB_CONSUMED` (a packet
  /// freed after use, passed to the same functions) are not drops.
  public static func isDropReason(_ name: String) -> Bool { name.hasPrefix("SKB_DROP_REASON_") }
}
