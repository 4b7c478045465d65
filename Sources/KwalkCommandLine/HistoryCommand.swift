import ArgumentParser
import Foundation
import KwalkDiff
import KwalkGraph
import KwalkKernel
import KwalkRender

/// `kwalk history --walkthrough tcp-ipv4 --kernel 5.10 --kernel 6.1 …`: a walkthrough's path across versions.
struct HistoryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "history",
    abstract: "Show a walkthrough's hops across kernel versions: one row per hop, one column per version.")
  @OptionGroup var kernel: KernelOptions
  @Option(help: "The walkthrough (default: every walkthrough).") var walkthrough: String?
  @Option(help: "text, json, markdown or html.") var format: DiffFormat = .text

  func run() throws {
    try reportingErrors {
      let sources = kernel.sources
      guard sources.count >= 2 else {
        throw ValidationFailure("kwalk history compares versions: pass --kernel at least twice (5.10, 6.1, 6.12, 7.2)")
      }
      let workspaces = try sources.map { source in
        try Workspace(
          source: source, cache: kernel.kwalkCache, annotations: kernel.annotations, progress: ProgressReporter())
      }
      let names = try walkthrough.map { [try workspaces[0].spec($0).name] } ?? workspaces[0].specs.map(\.name)
      let histories = try Workspace.histories(workspaces, walkthroughs: names)
      switch format {
      case .text: print(histories.map(\.text).joined(separator: "\n"), terminator: "")
      case .json: try printJSON(histories)
      case .markdown: print(histories.map(\.markdown).joined(separator: "\n"), terminator: "")
      case .html: print(HistoryPage.render(histories), terminator: "")
      }
    }
  }
}

extension Workspace {
  /// The history of each walkthrough across `workspaces`, in the order given: each kernel analysed once, its legs,
  /// and the pairwise diffs between consecutive kernels.
  static func histories(_ workspaces: [Workspace], walkthroughs: [String]) throws -> [PathHistory] {
    let analyses = try workspaces.map { try $0.analysis(walkthroughs: walkthroughs) }
    let sides = Array(zip(workspaces, analyses))
    let paths = try walkthroughs.map { name in
      try sides.map { ws, analysis in try DiffInputs.side(ws, analysis, name).paths }
    }
    let diffs = try zip(sides, sides.dropFirst()).map { a, b in
      try Workspace.pathDiffs(old: a, new: b, walkthroughs: walkthroughs)
    }
    return walkthroughs.enumerated().map { i, name in
      PathHistory.build(
        walkthrough: name, kernels: workspaces.map(\.tree.version.description), labels: workspaces.map(\.tree.label),
        paths: paths[i], diffs: diffs.map { $0[i] })
    }
  }
}
