import ArgumentParser
import Foundation
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
        kernels.append(
          SiteModel.Kernel(
            label: ws.tree.label, version: ws.tree.version.description, debianPackage: ws.tree.debianPackageVersion,
            config: ws.tree.configOrigin, walkthroughs: walkthroughs))
      }
      let files = SiteRenderer.render(SiteModel(kernels: kernels))
      try DirectorySink(directory: out).write(files)
      print("wrote \(files.count) files to \(URL(fileURLWithPath: out).standardizedFileURL.path)")
    }
  }
}
