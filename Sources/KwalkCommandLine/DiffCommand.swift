import ArgumentParser
import Foundation
import KwalkCore
import KwalkDiff
import KwalkGraph
import KwalkKernel
import KwalkRender

/// `kwalk diff --from 6.1 --to 6.12`: what changed on a walkthrough's path between two kernels.
struct DiffCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "diff", abstract: "Compare a walkthrough's path between two kernel versions.")

  @Option(help: "The older Debian kernel series (6.1).") var from: String
  @Option(help: "The newer Debian kernel series (6.12).") var to: String
  @Option(help: "The walkthrough to compare (default: every walkthrough).") var walkthrough: String?
  @Option(help: "text, json, markdown or html.") var format: DiffFormat = .text
  @Option(help: "kwalk's cache directory (default: $XDG_CACHE_HOME/kwalk or ~/.cache/kwalk).") var cache: String?
  @Option(help: "The annotations directory (default: ./Annotations).") var annotations: String?

  func run() throws {
    try reportingErrors {
      if from == to || KernelVersion(from).map({ $0 == KernelVersion(to) }) == true {
        throw DiffError.sameVersion(from)
      }
      let kwalkCache = cache.map { KwalkCache(root: $0) } ?? .standard()
      let sides = try [from, to].map { series in
        try Workspace(
          source: .debian(series: series), cache: kwalkCache, annotations: annotations, progress: ProgressReporter())
      }
      let names = try walkthrough.map { [try sides[0].spec($0).name] }
      let diffs = try sides[0].pathDiffs(to: sides[1], walkthroughs: names)
      switch format {
      case .text: print(diffs.map(\.text).joined(separator: "\n"), terminator: "")
      case .json: try printJSON(diffs)
      case .markdown: print(diffs.map(\.markdown).joined(separator: "\n"), terminator: "")
      case .html: print(DiffPage.render(diffs), terminator: "")
      }
    }
  }
}

/// Output formats of `kwalk diff`.
enum DiffFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json, markdown, html
}
