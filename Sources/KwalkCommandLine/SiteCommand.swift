import ArgumentParser
import Foundation
import KwalkAnnotate
import KwalkGraph
import KwalkKernel
import KwalkRender

/// `kwalk site`: the walkthroughs of one or more kernels as a static site.
struct SiteCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "site", abstract: "Write the walkthroughs as a site.")
  @OptionGroup var kernel: KernelOptions
  @Option(help: "Output directory (replaced atomically).") var out: String = "site"

  func run() throws {
    try reportingErrors {
      var kernels: [SiteModel.Kernel] = []
      for source in kernel.sources {
        let ws = try Workspace(
          source: source, cache: kernel.kwalkCache, annotations: kernel.annotations, progress: ProgressReporter())
        let graph = try ws.graph()
        var walkthroughs: [(spec: WalkthroughSpec, paths: [PacketPath])] = []
        for spec in ws.specs { walkthroughs.append((spec, try PathFinder(graph: graph, spec: spec).paths())) }
        var model = SiteModel.Kernel(
          label: ws.tree.label, version: ws.tree.version.description, debianPackage: ws.tree.debianPackageVersion,
          config: ws.tree.configOrigin, walkthroughs: walkthroughs)
        let resolved = try ws.resolveAnnotations(in: graph.snapshot)
        for path in walkthroughs.flatMap(\.paths) {
          model.notes["\(path.walkthrough)/\(path.direction)"] = AnnotationJoin.attach(resolved, to: path, graph: graph)
        }
        model.annotationReport = .init(label: ws.tree.label, version: ws.tree.version.description, entries: resolved)
        kernels.append(model)
      }
      let files = SiteRenderer.render(SiteModel(kernels: kernels))
      try DirectorySink(directory: out).write(files)
      print("wrote \(files.count) files to \(URL(fileURLWithPath: out).standardizedFileURL.path)")
    }
  }
}
