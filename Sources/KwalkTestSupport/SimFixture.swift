import Foundation
import KwalkGraph
import KwalkIndex

/// The sim-mini tree indexed, with the legs of one of its walkthroughs (`udp-ipv4`, `tcp-ipv4`): those that end at
/// `sock_def_readable` (`walkthroughs/`), or those that go on to the reader's wake-up (`walkthroughs/wake-up/`).
public struct SimFixture {
  public let graph: CallGraph
  public let paths: [PacketPath]

  public static let files = [
    "net/ipv4/udp.c", "net/ipv4/tcp.c", "net/ipv4/ip_output.c", "net/ipv4/ip_input.c", "net/core/dev.c", "drivers/net/loopback.c",
    "kernel/softirq.c", "kernel/sched/core.c", "kernel/sched/wait.c",
  ]

  public init(walkthrough: String = "udp-ipv4", toWakeUp: Bool = false) throws {
    let directory = toWakeUp ? "walkthroughs/wake-up" : "walkthroughs"
    graph = CallGraph(snapshot: try Fixtures.snapshot(tree: "sim-mini", files: Self.files))
    let spec = try WalkthroughSpec.parse(
      try String(contentsOfFile: Fixtures.tree("sim-mini") + "/\(directory)/\(walkthrough).walk", encoding: .utf8),
      source: "\(walkthrough).walk")
    paths = try PathFinder(graph: graph, spec: spec).paths()
  }

  /// `file:line` of the `/*marker*/` line in sim-mini.
  public static func site(_ marker: String, _ file: String) throws -> String {
    "\(file):\(try Fixtures.line(of: marker, in: file, tree: "sim-mini"))"
  }
}
