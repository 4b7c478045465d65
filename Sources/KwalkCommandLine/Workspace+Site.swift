import KwalkAnnotate
import KwalkCore
import KwalkGraph
import KwalkIndex
import KwalkKernel
import KwalkRender

extension Workspace {
  /// This kernel's part of the site: every walkthrough's paths with excerpts, and the source files they touch read
  /// with libclang's tokens.
  public func siteKernel(progress: ProgressReporter) throws -> SiteModel.Kernel {
    let snapshot = try index().0
    let graph = CallGraph(snapshot: snapshot)
    var found: [(WalkthroughSpec, [PacketPath])] = []
    for spec in specs { found.append((spec, try PathFinder(graph: graph, spec: spec).paths())) }
    let builder = SiteModelBuilder(functions: snapshot.functions)
    let files = builder.files(touchedBy: found.flatMap(\.1))
    let read = try SourceReader(tree: tree, progress: progress).read(files, units: snapshot.units)
    let pages = Set(read.keys)
    var sources: [SourcePath: SourceFile] = [:]
    for (path, source) in read { sources[path] = builder.sourceFile(source, pages: pages) }
    let resolved = try resolveAnnotations(in: snapshot)
    let walkthroughs = found.map { spec, paths in
      let attachments = paths.map { AnnotationJoin.attach(resolved, to: $0, graph: graph) }
      return SiteModel.Walkthrough(
        spec: spec, legs: zip(paths, attachments).map { builder.leg($0, sources: read, notes: $1) },
        overview: (attachments.first?.overview ?? []).map(AnnotationNote.init))
    }
    for (path, refs) in SiteModelBuilder.stepReferences(walkthroughs) { sources[path]?.steps = refs }
    return SiteModel.Kernel(
      label: tree.label, version: tree.version.description, debianPackage: tree.debianPackageVersion,
      config: tree.configOrigin, walkthroughs: walkthroughs, sources: sources,
      annotationReport: AnnotationReport.Kernel(label: tree.label, version: tree.version.description, entries: resolved)
    )
  }
}
