import ArgumentParser
import Foundation
import KwalkGraph
import KwalkKernel
import KwalkRender
import KwalkSimulate
import KwalkTrace

/// `kwalk verify`: checks the simulator and the call graph of an indexed kernel against a real trace.
struct VerifyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "verify",
    abstract: "Compare a real trace (given, or recorded now) with the simulator and the call graph.")
  @OptionGroup var kernel: KernelOptions
  @Option(help: "An ftrace text file (default: record one now with kwalk trace's exchange).") var trace: String?
  @Flag(help: "Also fail when a counter did not move as the path predicts (the trace must hold counter snapshots).")
  var counters = false
  @Option(help: "Write the report as JSON here as well.") var json: String?
  @Option(help: "Write a small site with the report page (<kernel>/verify.html) into this directory, replacing it.")
  var html: String?

  func run() throws {
    var failed = false
    try reportingErrors {
      let recorded = try VerifyAction.read(trace, counters: counters)
      let ws = try Workspace(
        source: try kernel.single(), cache: kernel.kwalkCache, annotations: kernel.annotations,
        progress: ProgressReporter())
      let report = try VerifyAction.verify(ws, recorded: recorded, live: trace == nil)
      print(ReportText.render(report), terminator: "")
      if let json {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try enc.encode(report).write(to: URL(fileURLWithPath: json), options: .atomic)
      }
      if let html {
        let label = ws.tree.label
        var site = SiteModel(kernels: [ws.emptySiteKernel()])
        site.verifyReport = SiteModel.VerifyReport(
          page: SitePaths.verifyReport(kernel: label), kernelLabel: label, report: report)
        try DirectorySink(directory: html).write(SiteRenderer.render(site))
      }
      failed = report.realDisagreements > 0 || counters && report.counterDisagreements > 0
    }
    if failed { throw ExitCode(1) }
  }
}
