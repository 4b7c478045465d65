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

  static func run(kernel: KernelOptions, trace: String?) throws -> TraceReport {
    let text: String
    let source: String
    if let trace {
      guard let data = FileManager.default.contents(atPath: trace) else {
        throw ValidationFailure("\(trace): cannot read the trace file; pass a file from kwalk trace --out")
      }
      text = String(decoding: data, as: UTF8.self)
      source = URL(fileURLWithPath: trace).lastPathComponent
    } else {
      text = try LiveTrace.record(payload: 5, count: 1)
      source = "recorded now"
    }
    let recorded = try TraceParser.parse(text, source: source)
    let ws = try Workspace(
      source: try kernel.single(), cache: kernel.kwalkCache, annotations: kernel.annotations,
      progress: ProgressReporter())
    let graph = try ws.graph()
    var sims: [SimTrace] = []
    for w in walkthroughs where ws.specs.contains(where: { $0.name == w }) {
      let scenario = try Scenario(walkthrough: w, payload: recorded.payload ?? 5, count: recorded.count ?? 1)
      let paths = try PathFinder(graph: graph, spec: try ws.spec(w)).paths()
      sims.append(try Simulator(graph: graph, paths: paths, scenario: scenario).run())
    }
    let here = LiveTrace.release()
    let running = recorded.kernelRelease ?? (trace == nil ? here : "unknown")
    let root = ws.tree.sourceRoot
    let verifier = Verifier(
      graph: graph, runningKernel: running, availableEvents: running == here ? LiveTrace.availableEvents() : nil,
      namesInTree: { TreeNames.find($0, in: root) })
    return try verifier.verify(recorded: recorded, simulations: sims)
  }
}
