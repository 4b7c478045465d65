import Foundation

/// Debian's kernel source packages fetched into kwalk's cache for series `/usr/src` does not have, with apt's own
/// tools and a private source list (`AptSources.list`): the system's apt configuration, its package lists and
/// `/usr/src` are never changed.
///
/// Under `<cache>/debian/`: `apt/` (the source list, package lists and apt's cache), `<series>/usr/src/` (the two
/// packages' files, unpacked with `dpkg-deb -x`) with `<series>/package-version`, and `logs/`.
public struct DebianArchive: Sendable {
  public var cache: KwalkCache
  public var progress: ProgressReporter
  /// The archive to fetch from (the system's, unless a test names another).
  public var sources: AptSources?

  public init(cache: KwalkCache, progress: ProgressReporter, sources: AptSources? = AptSources.system()) {
    self.cache = cache
    self.progress = progress
    self.sources = sources
  }

  /// One series a suite carries.
  public struct Offer: Hashable, Sendable {
    /// `7.2`.
    public var series: String
    /// The package version (`7.2.13-1`).
    public var version: String
    /// The suite apt would take it from (`sid`).
    public var suite: String
  }

  var root: String { cache.root + "/debian" }
  var aptDirectory: String { root + "/apt" }

  /// Where a fetched series' files are (`DebianKernels` reads them as it reads `/usr/src`).
  public func sourceDirectory(_ series: String) -> String { root + "/\(series)/usr/src" }

  /// The fetched package's version.
  public func fetchedVersion(_ series: String) -> String? {
    (try? String(contentsOfFile: root + "/\(series)/package-version", encoding: .utf8))
      .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
  }

  /// Series fetched into the cache, sorted by version.
  public func fetched() -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
    return DebianKernels.sortedSeries(names.filter { fetchedVersion($0) != nil })
  }

  /// apt's options that make every path private to the cache.
  var aptOptions: [String] {
    let a = aptDirectory
    return [
      "-o", "Dir::Etc::sourcelist=\(a)/sources.list", "-o", "Dir::Etc::sourceparts=-",
      "-o", "Dir::Etc::preferences=\(a)/preferences", "-o", "Dir::Etc::preferencesparts=-",
      "-o", "Dir::State::Lists=\(a)/lists", "-o", "Dir::State::status=\(a)/status", "-o", "Dir::Cache=\(a)/cache",
      "-o", "APT::Get::List-Cleanup=0", "-o", "APT::Sandbox::User=root", "-o", "Debug::NoLocking=1",
    ]
  }

  /// Downloads the suites' package lists when there are none or they are a day old.
  func refreshLists(for series: String, force: Bool = false) throws {
    guard let sources else { throw KernelError.archiveUnknown(series: series) }
    let fm = FileManager.default
    for dir in ["lists/partial", "cache/archives/partial"] {
      try fm.createDirectory(atPath: aptDirectory + "/" + dir, withIntermediateDirectories: true)
    }
    let list = sources.list()
    let listPath = aptDirectory + "/sources.list"
    let sameList = (try? String(contentsOfFile: listPath, encoding: .utf8)) == list
    let stamp = aptDirectory + "/lists/updated"
    let age = (try? fm.attributesOfItem(atPath: stamp)[.modificationDate] as? Date).map { -$0.timeIntervalSinceNow }
    if !force, sameList, let age, age < 86_400 { return }
    try list.write(toFile: listPath, atomically: true, encoding: .utf8)
    for empty in ["preferences", "status"] where !fm.fileExists(atPath: aptDirectory + "/" + empty) {
      _ = fm.createFile(atPath: aptDirectory + "/" + empty, contents: Data())
    }
    try? fm.removeItem(atPath: stamp)
    let log = try logFile("update")
    progress.begin("reading Debian's package lists (\(AptSources.suites.joined(separator: ", "))) from \(sources.uri)")
    let status = try ProcessRunner.run("/usr/bin/apt-get", aptOptions + ["-q", "update"], log: log)
    let problem = ProcessRunner.tail(of: log, count: 40).first { $0.hasPrefix("E:") || $0.hasPrefix("W: Failed") }
    guard status == 0, problem == nil else {
      progress.finish("failed")
      throw KernelError.archiveUnreachable(
        uri: sources.uri, series: series,
        reason: problem.map { String($0.dropFirst(3)).trimmingCharacters(in: .whitespaces) }
          ?? "apt-get update exit \(status)")
    }
    _ = fm.createFile(atPath: stamp, contents: Data())
    progress.finish("done")
  }

  /// Every series with both a `linux-source-<v>` and a `linux-config-<v>` package in the suites, sorted.
  public func available(refresh: Bool = true) throws -> [Offer] {
    if refresh { try refreshLists(for: "any") }
    let names = (ProcessRunner.output("/usr/bin/apt-cache", aptOptions + ["pkgnames", "linux-"]) ?? "")
      .split(separator: "\n").map(String.init)
    let sources = Set(names.compactMap { Self.series(of: $0, prefix: "linux-source-") })
    let configs = Set(names.compactMap { Self.series(of: $0, prefix: "linux-config-") })
    let series = DebianKernels.sortedSeries(Array(sources.intersection(configs)))
    guard !series.isEmpty else { return [] }
    let policy = ProcessRunner.output(
      "/usr/bin/apt-cache", aptOptions + ["policy"] + series.map { "linux-source-\($0)" }) ?? ""
    let candidates = Self.candidates(policy: policy)
    return series.compactMap { s in
      candidates["linux-source-\(s)"].map { Offer(series: s, version: $0.0, suite: $0.1) }
    }
  }

  /// `7.2` for `linux-source-7.2`; nil for other names (`linux-source-7.2-rt`).
  public static func series(of name: String, prefix: String) -> String? {
    guard name.hasPrefix(prefix) else { return nil }
    let rest = String(name.dropFirst(prefix.count))
    let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
    return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) } ? rest : nil
  }

  /// Candidate version and suite per package, from `apt-cache policy` output.
  public static func candidates(policy: String) -> [String: (String, String)] {
    var out: [String: (String, String)] = [:]
    var package: String?
    var candidate: String?
    var inCandidate = false
    for raw in policy.split(separator: "\n") {
      let line = raw.trimmingCharacters(in: .whitespaces)
      if !raw.hasPrefix(" ") && raw.hasSuffix(":") {
        package = String(raw.dropLast())
        candidate = nil
        inCandidate = false
      } else if line.hasPrefix("Candidate:") {
        candidate = line.dropFirst("Candidate:".count).trimmingCharacters(in: .whitespaces)
        if candidate == "(none)" { candidate = nil }
      } else if let c = candidate, line.hasPrefix(c + " ") || line.hasPrefix("*** " + c + " ") {
        inCandidate = true
      } else if inCandidate, let package, let c = candidate {
        let words = line.split(separator: " ")
        if let where_ = words.first(where: { $0.contains("/") && !$0.contains(":") }) {
          out[package] = (c, String(where_.split(separator: "/")[0]))
          inCandidate = false
        }
      }
    }
    return out
  }

  /// Downloads `linux-source-<series>` and `linux-config-<series>` and unpacks them into the cache.
  public func fetch(_ series: String, installed: [String]) throws {
    let lock = try lockArchive()
    defer { withExtendedLifetime(lock) {} }
    if fetchedVersion(series) != nil { return }
    try refreshLists(for: series)
    var offers = try available(refresh: false)
    if !offers.contains(where: { $0.series == series }) {
      // Lists from earlier today may predate the package: read them again once.
      try refreshLists(for: series, force: true)
      offers = try available(refresh: false)
    }
    guard let offer = offers.first(where: { $0.series == series }) else {
      throw KernelError.seriesUnavailable(series: series, available: offers.map(\.series), installed: installed)
    }
    let fm = FileManager.default
    let tmp = root + "/\(series).tmp"
    try? fm.removeItem(atPath: tmp)
    try fm.createDirectory(atPath: tmp + "/debs", withIntermediateDirectories: true)
    defer { try? fm.removeItem(atPath: tmp) }
    let log = try logFile("fetch-\(series)")
    let packages = ["linux-source-\(series)", "linux-config-\(series)"]
    progress.begin("fetching \(packages[0]) and \(packages[1]) \(offer.version) from \(offer.suite)")
    let status = try ProcessRunner.run(
      "/usr/bin/apt-get", aptOptions + ["-q", "download"] + packages, in: tmp + "/debs", log: log)
    let debs = ((try? fm.contentsOfDirectory(atPath: tmp + "/debs")) ?? []).filter { $0.hasSuffix(".deb") }.sorted()
    guard status == 0, debs.count == 2 else {
      progress.finish("failed")
      let problem = ProcessRunner.tail(of: log).last { $0.hasPrefix("E:") || $0.hasPrefix("W:") }
      throw KernelError.archiveUnreachable(
        uri: sources?.uri ?? "?", series: series,
        reason: problem.map { String($0.dropFirst(3)).trimmingCharacters(in: .whitespaces) }
          ?? "apt-get download exit \(status)")
    }
    var bytes: Int64 = 0
    for deb in debs {
      let path = tmp + "/debs/" + deb
      bytes += ((try? fm.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value ?? 0
      let out = try ProcessRunner.run("/usr/bin/dpkg-deb", ["-x", path, tmp + "/tree"], log: log)
      guard out == 0 else {
        progress.finish("failed")
        throw KernelError.tarballDamaged(path: path, package: deb, reason: "dpkg-deb -x exit \(out)")
      }
    }
    try offer.version.write(toFile: tmp + "/tree/package-version", atomically: true, encoding: .utf8)
    try? fm.removeItem(atPath: root + "/\(series)")
    try fm.moveItem(atPath: tmp + "/tree", toPath: root + "/\(series)")
    progress.finish("fetched \(debs.joined(separator: ", ")) (\(bytes / 1_000_000) MB) into \(root)/\(series)")
  }

  func lockArchive() throws -> CacheLock {
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    return try CacheLock(path: root + "/archive.lock", progress: progress)
  }

  func logFile(_ name: String) throws -> String {
    try FileManager.default.createDirectory(atPath: root + "/logs", withIntermediateDirectories: true)
    let path = root + "/logs/\(name).log"
    try? FileManager.default.removeItem(atPath: path)
    return path
  }
}
