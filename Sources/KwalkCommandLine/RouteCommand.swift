import ArgumentParser
import Foundation
import KwalkGraph
import KwalkKernel

/// `kwalk route FROM TO`: the ranked routes between two functions under a walkthrough's scenario, with the same
/// engine as the walkthroughs.
struct RouteCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "route", abstract: "Print the routes between two functions, best first, with their branch points.")
  @OptionGroup var kernel: KernelOptions
  @Argument(help: "The function to start from.") var from: String
  @Argument(help: "The function to reach.") var to: String
  @Option(help: "Use this walkthrough's scenario and context (default: none).") var walkthrough: String?
  @Option var format: OutputFormat = .text

  func run() throws {
    try reportingErrors {
      var ws = try Workspace(
        source: try kernel.single(), cache: kernel.kwalkCache, annotations: kernel.annotations,
        progress: ProgressReporter())
      let spec = try WalkthroughSpec.route(from: from, to: to, under: try walkthrough.map { try ws.spec($0) })
      ws.specs.append(spec)
      let path = try PathFinder(graph: try ws.graph(), spec: spec).path(direction: "route")
      if format == .json { return try printJSON(path) }
      print(PathText.leg(path, spec: spec).joined(separator: "\n"))
      let ranked = path.branchPoints.flatMap { b in b.notTaken.map { (b, $0) } }.sorted { $0.1.cost < $1.1.cost }
      if !ranked.isEmpty { print("# other routes, best first (cost from where they part)") }
      for (n, (b, r)) in ranked.enumerated() {
        print("\(n + 2). from \(b.function), cost \(PathText.cost(r.cost)): \(r.functions.joined(separator: " → "))")
      }
    }
  }
}
