import KwalkAnnotate
import KwalkCore
import KwalkGraph
import KwalkIndex
import KwalkKernel
import KwalkRender
import KwalkSimulate

extension Workspace {
  /// This kernel's part of the site: every walkthrough's paths with excerpts, and the source files they touch read
  /// with libclang's tokens.
  func siteKernel(_ analysis: KernelAnalysis, progress: ProgressReporter) throws -> SiteModel.Kernel {
    let snapshot = analysis.snapshot
    let graph = analysis.graph
    let found = try specs.map { ($0, try analysis.paths(of: $0.name)) }
    let builder = SiteModelBuilder(functions: snapshot.functions)
    let simulations = try siteSimulations(graph: graph, found: found)
    // The simulator page links each event to its `trace_*` line, so those files get source pages too.
    let files = Set(builder.files(touchedBy: found.flatMap(\.1)) + simulations.flatMap(\.traceSiteFiles)).sorted()
    let read = try SourceReader(tree: tree, store: indexer.store, progress: progress).read(files, units: snapshot.units).sources
    let pages = Set(read.keys)
    var sources: [SourcePath: SourceFile] = [:]
    for (path, source) in read { sources[path] = builder.sourceFile(source, pages: pages) }
    let resolved = analysis.annotations
    let join = ObservabilityJoin(snapshot: snapshot)
    let walkthroughs = found.map { spec, paths in
      let attachments = paths.map { AnnotationJoin.attach(resolved, to: $0, graph: graph) }
      return SiteModel.Walkthrough(
        spec: spec,
        legs: zip(paths, attachments).map { path, notes in
          var leg = builder.leg(path, sources: read, notes: notes)
          leg.attachWatch(join)
          leg.simulatorPage = simulations.first { $0.trace.scenario.walkthrough == spec.name }?.page
          return leg
        },
        overview: (attachments.first?.overview ?? []).map(AnnotationNote.init))
    }
    for (path, refs) in SiteModelBuilder.stepReferences(walkthroughs) { sources[path]?.steps = refs }
    var kernel = SiteModel.Kernel(
      label: tree.label, version: tree.version.description, debianPackage: tree.debianPackageVersion,
      config: tree.configOrigin, walkthroughs: walkthroughs, sources: sources,
      annotationReport: AnnotationReport.Kernel(label: tree.label, version: tree.version.description, entries: resolved)
    )
    kernel.simulations = simulations
    kernel.compiler = tree.toolchain.compiler.isEmpty ? "clang \(tree.toolchain.llvm)" : tree.toolchain.compiler
    return kernel
  }

  /// The simulation of every walkthrough that has a simulator scenario (`<tcp|udp>-<ipv4|ipv6>`), with the default
  /// payload of `kwalk simulate`.
  func siteSimulations(graph: CallGraph, found: [(WalkthroughSpec, [PacketPath])]) throws -> [SiteModel.Simulation] {
    var out: [SiteModel.Simulation] = []
    for (spec, paths) in found {
      let scenario: Scenario
      do {
        scenario = try Scenario(walkthrough: spec.name, payload: 5)
      } catch SimulateError.unknownScenario {
        continue
      }
      let trace = try Simulator(graph: graph, paths: paths, scenario: scenario).run()
      out.append(SiteModel.Simulation(page: SitePaths.simulator(kernel: tree.label, name: spec.name), trace: trace))
    }
    return out
  }
}
