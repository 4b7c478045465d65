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
  @Option(
    help: ArgumentHelp(
      "A trace from kwalk trace --out whose stacks decide the routes they show (as kwalk path --stacks).",
      valueName: "trace"))
  var stacks: String?

  func run() throws {
    try reportingErrors {
      let progress = ProgressReporter()
      // Read the trace first, so a bad file fails before the long work.
      let recorded = try trace.map { try VerifyAction.read($0) }
      let evidence = try stacks.map { try StackEvidence(file: $0) }
      let opened = try kernel.sources.map {
        try Workspace(source: $0, cache: kernel.kwalkCache, annotations: kernel.annotations, progress: progress)
      }
      let stampPath = SiteStamp.path(for: out, cache: kernel.kwalkCache)
      let site = URL(fileURLWithPath: out).standardizedFileURL.path
      if let stamp = SiteStamp.load(from: stampPath), let inputs = try SiteInputs.digest(kernels: opened, evidence: [trace, stacks]),
        stamp.inputs == inputs, SiteStamp.files(in: out) == stamp.files
      {
        let pages = stamp.files.keys.filter { $0.hasSuffix(".html") }.count
        print("\(site) is up to date: \(pages) pages (\(stamp.files.count) files), nothing changed since it was written")
        return
      }
      var kernels: [SiteModel.Kernel] = []
      var workspaces: [(Workspace, KernelAnalysis)] = []
      for ws in opened {
        let analysis = try ws.analysis(stacks: evidence)
        kernels.append(try ws.siteKernel(analysis, progress: progress))
        workspaces.append((ws, analysis))
      }
      // Indexed now: the digest of what this run reads. It is kept only if nothing changed while the run worked.
      let inputs = try SiteInputs.digest(kernels: opened, evidence: [trace, stacks])
      // One diff per pair of consecutive kernels, from the analyses above: no kernel is analysed twice.
      let names = workspaces.first?.0.specs.map(\.name) ?? []
      let diffs = try zip(workspaces.indices, workspaces.indices.dropFirst()).map { a, b in
        SiteModel.VersionDiff(
          page: DiffPage.relativePath(fromLabel: kernels[a].label, toLabel: kernels[b].label),
          diffs: try Workspace.pathDiffs(old: workspaces[a], new: workspaces[b], walkthroughs: names),
          oldKernel: kernels[a].label, newKernel: kernels[b].label)
      }
      var model = try SiteModel(kernels: kernels, versionDiffs: diffs).withGraphs(Graphviz.cached(in: kernel.kwalkCache))
      if let recorded, let ws = workspaces.first?.0 {
        model.verifyReport = SiteModel.VerifyReport(
          page: SitePaths.verifyReport(kernel: kernels[0].label), kernelLabel: kernels[0].label,
          report: try VerifyAction.verify(ws, recorded: recorded, live: false))
      }
      let files = SiteRenderer.render(model)
      progress.begin("writing \(files.count) files to \(out)")
      try DirectorySink(directory: out).write(files)
      progress.finish("done")
      if let inputs, try SiteInputs.digest(kernels: opened, evidence: [trace, stacks]) == inputs {
        let written = Dictionary(uniqueKeysWithValues: files.map { ($0.relativePath, SiteStamp.hash($0.bytes)) })
        try SiteStamp(inputs: inputs, files: written).save(to: stampPath)
      }
      let pages = files.filter { $0.relativePath.hasSuffix(".html") }.count
      print("wrote \(pages) pages (\(files.count) files) to \(site)")
    }
  }
}
