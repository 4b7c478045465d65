import ArgumentParser
import Foundation
import KwalkGraph
import KwalkKernel
import KwalkRender
import KwalkSimulate

/// `kwalk simulate`: the tracepoint events a walkthrough predicts.
struct SimulateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "simulate", abstract: "Predict the tracepoint events of a walkthrough's packets.")
  @OptionGroup var kernel: KernelOptions
  @Option var walkthrough: String = "tcp-ipv4"
  @Option(help: "Payload bytes per segment or datagram.") var payload: Int = 5
  @Option(help: "How many segments or datagrams.") var count: Int = 1
  @Option var format: SimulateFormat = .ftrace
  @Option(help: "Write a small site with the simulator page (<kernel>/sim/<walkthrough>.html) into this directory.")
  var html: String?
  @Flag(help: "List each function's effects as read from the index instead of the events.") var explain = false

  func run() throws {
    try reportingErrors {
      _ = try Scenario(walkthrough: walkthrough, payload: payload, count: count)  // bad input before indexing
      let ws = try Workspace(
        source: try kernel.single(), cache: kernel.kwalkCache, annotations: kernel.annotations,
        progress: ProgressReporter())
      let graph = try ws.graph()
      let scenario = try Scenario(
        walkthrough: walkthrough, payload: payload, count: count, events: Scenario.journeyEvents(in: graph.snapshot))
      let spec = try ws.spec(walkthrough)
      let paths = try PathFinder(graph: graph, spec: spec).paths()
      let simulator = try Simulator(graph: graph, paths: paths, scenario: scenario)
      if explain { return print(simulator.explain(), terminator: "") }
      let trace = simulator.run()
      if let html {
        let site = try ws.simulationSite(spec: spec, paths: paths, trace: trace)
        return try DirectorySink(directory: html).write(SiteRenderer.render(site))
      }
      switch format {
      case .ftrace: print(FtraceEncoder.encode(trace), terminator: "")
      case .json: print(String(decoding: try SimJSONEncoder.encode(trace), as: UTF8.self))
      case .perfetto: print(String(decoding: try PerfettoEncoder.encode(trace), as: UTF8.self))
      }
    }
  }
}
