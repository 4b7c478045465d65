import ArgumentParser
import Foundation
import KwalkKernel
import KwalkRender

/// `kwalk site`: the walkthroughs of one or more kernels as a static site.
struct SiteCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "site", abstract: "Write the walkthroughs as a site.")
  @OptionGroup var kernel: KernelOptions
  @Option(help: "Output directory (replaced atomically).") var out: String = "site"
  @Option(help: "An ftrace file from kwalk trace: verify the first kernel's simulator against it and add the report.")
  var trace: String?

  func run() throws {
    try reportingErrors {
      let progress = ProgressReporter()
      // Read the trace first, so a bad file fails before the long work.
      let recorded = try trace.map { try VerifyAction.read($0) }
      var kernels: [SiteModel.Kernel] = []
      var workspaces: [(Workspace, KernelAnalysis)] = []
      for source in kernel.sources {
        let ws = try Workspace(
          source: source, cache: kernel.kwalkCache, annotations: kernel.annotations, progress: progress)
        let analysis = try ws.analysis()
        kernels.append(try ws.siteKernel(analysis, progress: progress))
        workspaces.append((ws, analysis))
      }
      var diff: SiteModel.VersionDiff?
      if workspaces.count == 2 {
        diff = SiteModel.VersionDiff(
          page: DiffPage.relativePath(fromLabel: kernels[0].label, toLabel: kernels[1].label),
          diffs: try Workspace.pathDiffs(
            old: workspaces[0], new: workspaces[1], walkthroughs: workspaces[0].0.specs.map(\.name)),
          oldKernel: kernels[0].label, newKernel: kernels[1].label)
      }
      var model = try SiteModel(kernels: kernels, versionDiff: diff).withGraphs(Graphviz.cached(in: kernel.kwalkCache))
      if let recorded, let ws = workspaces.first?.0 {
        model.verifyReport = SiteModel.VerifyReport(
          page: SitePaths.verifyReport(kernel: kernels[0].label), kernelLabel: kernels[0].label,
          report: try VerifyAction.verify(ws, recorded: recorded, live: false))
      }
      let files = SiteRenderer.render(model)
      progress.begin("writing \(files.count) files to \(out)")
      try DirectorySink(directory: out).write(files)
      progress.finish("done")
      let pages = files.filter { $0.relativePath.hasSuffix(".html") }.count
      print(
        "wrote \(pages) pages (\(files.count) files) to \(URL(fileURLWithPath: out).standardizedFileURL.path)")
    }
  }
}
