import KwalkCore

/// A sysctl a hop reads: its full name, where the hop reads it, where the table exposes it, its default.
public struct Tunable: Hashable, Codable, Sendable {
  /// `net.core.netdev_max_backlog`.
  public var name: String
  /// The storage read (`netdev_max_backlog`, `net_hotdata.max_backlog`, `netns_ipv4.sysctl_tcp_ecn`).
  public var storage: String
  /// The function that reads it (the hop's callee or one of its helpers).
  public var function: String
  /// Where it is read.
  public var read: Hop.Place
  /// The `ctl_table` entry.
  public var entry: Hop.Place
  /// The value in the source, when kwalk found it.
  public var defaultValue: String?
  /// Where that value is written.
  public var defaultAt: Hop.Place?
  /// True when every network namespace has its own value.
  public var perNamespace: Bool
}

/// A statistic a hop increments, under the name a user sees.
public struct WatchedCounter: Hashable, Codable, Sendable {
  /// `Ip: InReceives`, `softnet_stat column 1 (processed)`, `pcpu_lstats.packets`.
  public var name: String
  /// `/proc/net/snmp`, `/proc/net/netstat`, `/proc/net/softnet_stat`, or empty for device statistics.
  public var file: String
  /// The heading of its line in `file` (`Ip`, `TcpExt`), or the 1-based column for `softnet_stat`.
  public var key: String
  /// The enumerator or field incremented (`IPSTATS_MIB_INPKTS`, `softnet_data.processed`).
  public var counter: String
  /// The macro, function or operator.
  public var via: String
  /// The function that increments it.
  public var function: String
  /// Where.
  public var at: Hop.Place
  /// `mainLine`, `branch` or `exit`.
  public var placement: FactPlacement
}

/// Where a hop can drop the packet.
public struct DropPoint: Hashable, Codable, Sendable {
  /// A drop reason and where it is set.
  public struct Reason: Hashable, Codable, Sendable {
    public var name: String
    public var at: Hop.Place
  }

  /// The function that drops.
  public var function: String
  /// The call that frees the packet (`kfree_skb_reason`).
  public var call: String
  /// Where.
  public var at: Hop.Place
  /// The reasons it can report: the argument when it is a constant, else the reasons the function names.
  public var reasons: [Reason]
  /// The counters incremented on the way to this drop.
  public var counters: [WatchedCounter]
}

/// What to watch and what to tune at one step of a path.
public struct HopObservations: Hashable, Codable, Sendable {
  /// The function the facts are about (the hop's callee, or the leg's entry).
  public var function: String
  /// Sysctls read.
  public var tunables: [Tunable]
  /// Counters incremented outside drop exits: the main line first, then branches.
  public var counters: [WatchedCounter]
  /// Drop points.
  public var drops: [DropPoint]

  /// True when there is nothing to show.
  public var isEmpty: Bool { tunables.isEmpty && counters.isEmpty && drops.isEmpty }
}
