import Foundation
import KwalkCore
import KwalkDiff
import KwalkGraph
import KwalkRender
import KwalkTestSupport

/// The site `kwalk site` would build for the diff fixture pair as two kernels, `1.0` (diff-before) and `2.0`
/// (diff-after), with the version diff between them (see Tests/Fixtures/diff-before/README.md).
enum DiffSite {
  static let units = [
    "net/ipv4/tcp.c", "net/ipv4/ip_output.c", "net/ipv4/route.c", "net/core/dev.c", "drivers/net/loopback.c",
    "kernel/softirq.c",
  ]

  /// One tree as a diff side and as a kernel of the site.
  static func side(_ tree: String, version: String, defines: [String]) throws -> (DiffSide, SiteModel.Kernel) {
    var snapshot = try Fixtures.snapshot(tree: tree, files: units, defines: defines)
    snapshot.version = KernelVersion(version)!
    let spec = try WalkthroughSpec.parse(
      try String(contentsOfFile: Fixtures.tree(tree) + "/walkthroughs/diff.walk", encoding: .utf8), source: "diff.walk")
    let paths = try PathFinder(graph: CallGraph(snapshot: snapshot), spec: spec).paths()
    let builder = SiteModelBuilder(functions: snapshot.functions)
    let read = try Fixtures.tokenized(
      tree: tree, files: builder.files(touchedBy: paths).map(\.value), units: units, defines: defines)
    var sources: [SourcePath: SourceFile] = [:]
    for (p, s) in read { sources[p] = builder.sourceFile(s, pages: Set(read.keys)) }
    let w = SiteModel.Walkthrough(spec: spec, legs: paths.map { builder.leg($0, sources: read) })
    for (p, refs) in SiteModelBuilder.stepReferences([w]) { sources[p]?.steps = refs }
    let kernel = SiteModel.Kernel(
      label: version, version: version, debianPackage: nil, config: "none", walkthroughs: [w], sources: sources)
    let side = DiffSide(
      version: snapshot.version, paths: paths, snapshot: snapshot,
      sources: SourceFiles(paths: TreePathMapper(sourceRoot: Fixtures.tree(tree), buildRoot: nil)))
    return (side, kernel)
  }

  /// The two-kernel model with its version diff.
  static func model() throws -> SiteModel {
    let (a, ka) = try side("diff-before", version: "1.0", defines: ["CONFIG_RPS"])
    let (b, kb) = try side("diff-after", version: "2.0", defines: ["CONFIG_RPS_BACKLOG"])
    let diff = try PathDiffer(old: a, new: b).diff(walkthrough: "diff")
    return SiteModel(
      kernels: [ka, kb],
      versionDiff: SiteModel.VersionDiff(
        page: DiffPage.relativePath(fromLabel: "1.0", toLabel: "2.0"), diffs: [diff], oldKernel: "1.0",
        newKernel: "2.0"))
  }

  /// Three kernels: `1.0` (diff-before), `2.0` (diff-after) and `3.0` (diff-before again, so 2.0 → 3.0 undoes every
  /// change), with the diffs between consecutive ones, as `kwalk site` with three kernels builds it.
  static func threeKernelModel() throws -> SiteModel {
    let (a, ka) = try side("diff-before", version: "1.0", defines: ["CONFIG_RPS"])
    let (b, kb) = try side("diff-after", version: "2.0", defines: ["CONFIG_RPS_BACKLOG"])
    let (c, kc) = try side("diff-before", version: "3.0", defines: ["CONFIG_RPS"])
    let diffs = try [(a, b, "1.0", "2.0"), (b, c, "2.0", "3.0")].map { old, new, o, n in
      SiteModel.VersionDiff(
        page: DiffPage.relativePath(fromLabel: o, toLabel: n),
        diffs: [try PathDiffer(old: old, new: new).diff(walkthrough: "diff")], oldKernel: o, newKernel: n)
    }
    return SiteModel(kernels: [ka, kb, kc], versionDiffs: diffs)
  }

  /// A rendered file's text.
  static func text(_ files: [RenderedFile], _ path: String) -> String? {
    files.first { $0.relativePath == path }.map { String(decoding: $0.bytes, as: UTF8.self) }
  }
}
