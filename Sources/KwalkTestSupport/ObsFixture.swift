import Foundation
import KwalkGraph
import KwalkIndex

/// The obs-mini tree indexed (sysctl tables, MIB tables and printers, drop points), with the legs of its `obs`
/// walkthrough and of `obs6`, its IPv6 receive.
public struct ObsFixture {
  public let snapshot: IndexSnapshot
  public let spec: WalkthroughSpec
  public let paths: [PacketPath]
  /// The legs of `obs6`.
  public let ipv6Paths: [PacketPath]

  public static let units = [
    "net/core/dev.c", "net/core/hotdata.c", "net/core/sysctl_net_core.c", "net/core/net-procfs.c",
    "net/ipv4/ip_input.c", "net/ipv4/tcp_ipv4.c", "net/ipv4/sysctl_net_ipv4.c", "net/ipv4/proc.c",
    "net/ipv6/ip6_input.c", "net/ipv6/udp.c", "net/ipv6/proc.c",
  ]

  public init() throws {
    snapshot = try Fixtures.snapshot(tree: "obs-mini", files: Self.units)
    spec = try WalkthroughSpec.parse(
      try String(contentsOfFile: Fixtures.tree("obs-mini") + "/walkthroughs/obs.walk", encoding: .utf8),
      source: "obs.walk")
    let graph = CallGraph(snapshot: snapshot)
    paths = try PathFinder(graph: graph, spec: spec).paths()
    let spec6 = try WalkthroughSpec.parse(
      try String(contentsOfFile: Fixtures.tree("obs-mini") + "/walkthroughs/obs6.walk", encoding: .utf8),
      source: "obs6.walk")
    ipv6Paths = try PathFinder(graph: graph, spec: spec6).paths()
  }
}
