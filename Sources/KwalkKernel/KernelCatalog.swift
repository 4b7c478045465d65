import Foundation

/// Every Debian kernel series kwalk knows of: installed under `/usr/src`, fetched into the cache, or offered by a
/// Debian suite; with the LLVM each prepared tree was built with.
public struct KernelCatalog: Sendable {
  /// One series.
  public struct Entry: Codable, Hashable, Sendable {
    /// `6.12`.
    public var series: String
    /// `installed` (/usr/src), `fetched` (kwalk's cache) or `available` (a suite carries it).
    public var state: String
    /// The package version installed, fetched or offered.
    public var package: String?
    /// The suite that offers it, when known.
    public var suite: String?
    /// Where the source tarball is, when on this machine.
    public var tarball: String?
    /// The compiler of its prepared tree, when prepared.
    public var prepared: String?
  }

  public var entries: [Entry]
  /// Why the suites could not be read, when they could not.
  public var archiveProblem: String?

  /// Builds the catalog; `offers` is nil when the archive is not to be asked.
  public static func build(
    debian: DebianKernels, archive: DebianArchive, offers: Result<[DebianArchive.Offer], any Error>?
  ) -> KernelCatalog {
    var entries: [String: Entry] = [:]
    if case .success(let list)? = offers {
      for o in list {
        entries[o.series] = Entry(series: o.series, state: "available", package: o.version, suite: o.suite)
      }
    }
    for s in archive.fetched() {
      let suite = entries[s]?.suite
      let dir = DebianKernels(sourceDirectory: archive.sourceDirectory(s))
      entries[s] = Entry(
        series: s, state: "fetched", package: archive.fetchedVersion(s), suite: suite, tarball: dir.tarball(s))
    }
    for s in debian.installed() {
      // The suites may offer a newer package than the one installed: no suite is named for it.
      entries[s] = Entry(
        series: s, state: "installed", package: debian.packageVersion(s), suite: nil, tarball: debian.tarball(s))
    }
    for s in entries.keys {
      let stamp = archive.cache.root + "/kernels/debian-\(s)-amd64_none_amd64/prepared.json"
      if let data = FileManager.default.contents(atPath: stamp),
        let tree = try? JSONDecoder().decode(PreparedTree.self, from: data),
        tree.sourceRoot.hasPrefix(archive.cache.root)
      {
        entries[s]?.prepared = tree.toolchain.summary
      }
    }
    var problem: String?
    if case .failure(let e)? = offers { problem = "\(e)" }
    return KernelCatalog(
      entries: DebianKernels.sortedSeries(Array(entries.keys)).compactMap { entries[$0] }, archiveProblem: problem)
  }

  /// One line per series: series, state, package version and suite, prepared compiler.
  public func text() -> String {
    let rows = entries.map { e -> [String] in
      let package = (e.package ?? "-") + (e.suite.map { " (\($0))" } ?? "")
      return [e.series, e.state, package, e.prepared.map { "prepared with \($0)" } ?? "not prepared"]
    }
    let widths = (0..<3).map { i in rows.map { $0[i].count }.max() ?? 0 }
    return rows.map { r in
      (0..<3).map { r[$0].padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ")
        + "  " + r[3] + "\n"
    }.joined()
  }
}
