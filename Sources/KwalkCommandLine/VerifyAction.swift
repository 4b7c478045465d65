import ArgumentParser
import Foundation
import KwalkGraph
import KwalkKernel
import KwalkRender
import KwalkSimulate
import KwalkTrace

/// The steps of `kwalk verify`, shared with `kwalk site --trace`.
enum VerifyAction {
  static let walkthroughs = ["tcp-ipv4", "tcp-ipv6", "udp-ipv4"]

  /// The trace in `file`, or one recorded now when `file` is nil.
  static func read(_ file: String?) throws -> RecordedTrace {
    let text: String
    let source: String
    if let file {
      guard let data = FileManager.default.contents(atPath: file) else {
        throw ValidationFailure("\(file): cannot read the trace file; pass a file from kwalk trace --out")
      }
      text = String(decoding: data, as: UTF8.self)
      source = URL(fileURLWithPath: file).lastPathComponent
    } else {
      text = try LiveTrace.record(payload: 5, count: 1)
      source = "recorded now"
    }
    return try TraceParser.parse(text, source: source)
  }

  /// Simulates `ws`'s walkthroughs with the trace's payload and count and checks them and the graph against it.
  /// `live` says the trace was recorded on this machine just now.
  static func verify(_ ws: Workspace, recorded: RecordedTrace, live: Bool) throws -> TraceReport {
    let graph = try ws.graph()
    var sims: [SimTrace] = []
    for w in walkthroughs where ws.specs.contains(where: { $0.name == w }) {
      let scenario = try Scenario(walkthrough: w, payload: recorded.payload ?? 5, count: recorded.count ?? 1)
      let paths = try PathFinder(graph: graph, spec: try ws.spec(w)).paths()
      sims.append(try Simulator(graph: graph, paths: paths, scenario: scenario).run())
    }
    let here = LiveTrace.release()
    let running = recorded.kernelRelease ?? (live ? here : "unknown")
    let root = ws.tree.sourceRoot
    let verifier = Verifier(
      graph: graph, runningKernel: running, availableEvents: running == here ? LiveTrace.availableEvents() : nil,
      namesInTree: { TreeNames.find($0, in: root) })
    return try verifier.verify(recorded: recorded, simulations: sims)
  }
}
