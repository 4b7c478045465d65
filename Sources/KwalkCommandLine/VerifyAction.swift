import ArgumentParser
import Foundation
import KwalkGraph
import KwalkKernel
import KwalkRender
import KwalkSimulate
import KwalkTrace

/// The steps of `kwalk verify`, shared with `kwalk site --trace`.
enum VerifyAction {
  /// The walkthroughs the simulator has a scenario for (`<tcp|udp>-<ipv4|ipv6>`), among those a workspace has.
  static func simulated(_ specs: [WalkthroughSpec]) -> [String] {
    specs.map(\.name).filter { (try? Scenario(walkthrough: $0, payload: 5)) != nil }.sorted()
  }

  /// The trace in `file`, or one recorded now when `file` is nil. With `counters`, it must hold counter snapshots.
  static func read(_ file: String?, counters: Bool = false) throws -> RecordedTrace {
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
    let recorded = try TraceParser.parse(text, source: source)
    // Said before the kernel is indexed: the path check needs stacks, and a trace without them cannot be fixed later.
    guard recorded.records.contains(where: { !$0.stack.isEmpty }) else { throw TraceError.noStacks(source) }
    if counters, recorded.counters.isEmpty { throw TraceError.noCounters(source) }
    return recorded
  }

  /// Simulates `ws`'s walkthroughs with the trace's payload and count and checks them and the graph against it.
  /// `live` says the trace was recorded on this machine just now.
  static func verify(_ ws: Workspace, recorded: RecordedTrace, live: Bool) throws -> TraceReport {
    let graph = try ws.graph()
    var sims: [SimTrace] = []
    var legs: [String: [PacketPath]] = [:]
    var unbuilt: [String] = []
    for spec in ws.specs {
      do {
        legs[spec.name] = try PathFinder(graph: graph, spec: spec).paths()
      } catch {
        unbuilt.append("\(spec.name): no path in this kernel (\(error))")
      }
    }
    for w in simulated(ws.specs) where legs[w] != nil {
      let scenario = try Scenario(
        walkthrough: w, payload: recorded.payload ?? 5, count: recorded.count ?? 1,
        events: Scenario.journeyEvents(in: graph.snapshot))
      sims.append(try Simulator(graph: graph, paths: legs[w] ?? [], scenario: scenario).run())
    }
    let here = LiveTrace.release()
    let running = recorded.kernelRelease ?? (live ? here : "unknown")
    let root = ws.tree.sourceRoot
    let verifier = Verifier(
      graph: graph, runningKernel: running, availableEvents: running == here ? LiveTrace.availableEvents() : nil,
      namesInTree: { TreeNames.find($0, in: root) })
    var report = try verifier.verify(recorded: recorded, simulations: sims, paths: legs)
    report.unchecked += unbuilt
    return report
  }
}
