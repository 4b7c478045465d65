import Foundation
import KwalkCore
import KwalkKernel

/// The digest of everything a site is made from (see `SiteStamp`).
enum SiteInputs {
  /// The digest for a site of `kernels`, or nil when one kernel's index is not current (a file it read changed):
  /// then only a full run can tell what the site should be. `evidence` are the trace files given (`--trace`,
  /// `--stacks`), in option order.
  static func digest(kernels: [Workspace], evidence: [String?]) throws -> String? {
    var parts: [String] = []
    let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
    parts.append("kwalk " + KernelPreparer.identity(of: executable))
    parts.append("dot " + KernelPreparer.identity(of: try Graphviz.binary()))
    for ws in kernels {
      guard let units = try ws.indexer.currentInputsDigest() else { return nil }
      let tree = ws.tree
      parts.append(
        [tree.label, tree.version.description, tree.inputsDigest, tree.configOrigin, tree.debianPackageVersion ?? "",
         units].joined(separator: "\u{1}"))
    }
    for directory in Set(kernels.map(\.annotationsDirectory)).sorted() {
      for (file, hash) in (SiteStamp.files(in: directory) ?? [:]).sorted(by: { $0.key < $1.key }) {
        parts.append("annotations \(file) \(hash)")
      }
    }
    for (n, file) in evidence.enumerated() {
      guard let file else { continue }
      parts.append("evidence \(n) " + (try ContentHash(contentsOf: URL(fileURLWithPath: file))).description)
    }
    return ContentHash(string: parts.joined(separator: "\u{2}")).description
  }
}
