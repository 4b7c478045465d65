import Foundation
import KwalkGraph
import KwalkIndex

/// The sim-mini tree indexed, with its UDP walkthrough's legs.
public struct SimFixture {
  public let graph: CallGraph
  public let paths: [PacketPath]

  public static let files = [
    "net/ipv4/udp.c", "net/ipv4/ip_output.c", "net/ipv4/ip_input.c", "net/core/dev.c", "drivers/net/loopback.c",
    "kernel/softirq.c",
  ]

  public init() throws {
    graph = CallGraph(snapshot: try Fixtures.snapshot(tree: "sim-mini", files: Self.files))
    let spec = try WalkthroughSpec.parse(
      try String(contentsOfFile: Fixtures.tree("sim-mini") + "/walkthroughs/udp-ipv4.walk", encoding: .utf8),
      source: "udp-ipv4.walk")
    paths = try PathFinder(graph: graph, spec: spec).paths()
  }

  /// `file:line` of the `/*marker*/` line in sim-mini.
  public static func site(_ marker: String, _ file: String) throws -> String {
    "\(file):\(try Fixtures.line(of: marker, in: file, tree: "sim-mini"))"
  }
}
