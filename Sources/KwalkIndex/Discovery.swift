import Foundation
import KwalkCore
import KwalkKernel

/// What a later stage still misses in the index.
public enum DiscoveryRequest: Hashable, Sendable, Codable {
  /// A function that is called or named but not defined in any indexed file.
  case definition(String, reason: String, near: [String]? = nil)
  /// A function whose address is taken somewhere nearby (its binding site is wanted).
  case references(String, reason: String)
  /// The `.c` files under `directory` with a line matching an extended regular expression: where a sysctl table,
  /// a MIB name table or a `/proc` printer for something on the path is written (`ObservabilityDiscovery`).
  case pattern(String, under: String, reason: String)
}

extension Indexer {
  /// What discovery did.
  public struct DiscoveryReport: Sendable {
    /// Every indexed file with the reason it was added, in the order added.
    public var files: [(file: SourcePath, reason: String, round: Int)] = []
    /// Rounds run.
    public var rounds = 0
    /// Total units parsed now (the rest came from the cache).
    public var parsed = 0
    /// Requests still open when discovery stopped.
    public var unresolved: [DiscoveryRequest] = []
  }

  /// Indexes `startingFiles`, then asks `requests` what is missing and adds the files that define or mention it,
  /// until nothing new is asked or `maxRounds` is reached.
  ///
  /// `requestsKey` names everything `requests` depends on besides the snapshot (nil: unknown). With it, a discovery
  /// whose key, index and not-built files are those the last one ended with returns that one's report without any
  /// round (`DiscoveryStamp`).
  public func discover(
    startingFiles: [SourcePath], maxRounds: Int = 10, maxFiles: Int = 120, requestsKey: String? = nil,
    requests: (IndexSnapshot) -> [DiscoveryRequest]
  ) throws -> (IndexSnapshot, DiscoveryReport) {
    for f in startingFiles where !FileManager.default.fileExists(atPath: tree.sourceRoot + "/" + f.value) {
      throw IndexError.noSuchFile(f.value)
    }
    // The text searches read the tree's other `.c` files, which only a tree kwalk unpacked into its cache keeps as
    // they were: a user's `--tree` is searched every time.
    let stampKey = requestsKey.flatMap { key in tree.sourceRoot.hasPrefix(tree.cacheDirectory + "/") ? key : nil }.map {
      ContentHash(string: ([$0, String(maxRounds), String(maxFiles)] + startingFiles.map(\.value)).joined(separator: "\u{1}"))
        .description
    }
    if let stampKey, let stamp = DiscoveryStamp.load(from: tree.cacheDirectory), stamp.key == stampKey,
      try discoveryState() == stamp.state
    {
      return (try snapshot(), stamp.report)
    }
    var report = DiscoveryReport()
    var indexed: [SourcePath] = []
    var reasons: [SourcePath: String] = [:]
    let locator = DefinitionLocator(sourceRoot: tree.sourceRoot)
    // A `.c` file built inside another (kernel/sched's unity builds) is indexed through the file that includes it.
    let units = startingFiles.map { locator.unit(for: $0) }
    for (f, unit) in zip(startingFiles, units) where reasons[unit] == nil {
      indexed.append(unit)
      let reason = unit == f ? "starting file" : "starting file \(f.value), built inside it"
      reasons[unit] = reason
      report.files.append((unit, reason, 0))
    }
    var snapshot: IndexSnapshot
    var round = 0
    var asked: Set<DiscoveryRequest> = []
    // Files whose parse failed with a command from kbuild's dry run are built together when discovery would stop
    // (one make instead of one per round), and discovery goes on from those kbuild builds. The starting files are
    // built at once (round 0): a starting file kbuild cannot build is an error.
    func builtMore() throws -> Bool {
      let r = try confirmPendingBuilds()
      report.parsed += r.parsed.count
      return !r.parsed.isEmpty
    }
    while true {
      let r = try index(indexed, deferringBuilds: round > 0)
      report.parsed += r.parsed.count
      if round == 0 {
        let notBuilt = kbuild.database().notBuilt
        if let bad = units.first(where: { notBuilt.contains($0) }) {
          throw IndexError.notBuilt(bad.value, log: tree.logDirectory + "/kbuild.log")
        }
      }
      snapshot = try self.snapshot()
      round += 1
      guard round <= maxRounds else { break }
      let open = requests(snapshot).filter { !asked.contains($0) }
      report.unresolved = open
      guard !open.isEmpty, indexed.count < maxFiles else {
        if try builtMore() { continue }
        break
      }
      asked.formUnion(open)
      let notBuilt = kbuild.database().notBuilt
      var added: [SourcePath] = []
      func add(_ written: SourcePath, _ reason: String) {
        let file = locator.unit(for: written)
        guard reasons[file] == nil, !notBuilt.contains(file), indexed.count + added.count < maxFiles else { return }
        let reason = file == written ? reason : reason + ", in \(written.value), built inside it"
        reasons[file] = reason
        added.append(file)
        report.files.append((file, reason, round))
      }
      var definitionReasons: [String: String] = [:]
      var definitionNear: [String: Set<String>] = [:]
      var referenceReasons: [String: String] = [:]
      var patterns: [(pattern: String, under: String, reason: String)] = []
      for request in open {
        switch request {
        case .definition(let name, let reason, let near):
          definitionReasons[name] = reason
          if let near { definitionNear[name, default: []].formUnion(near) } else { definitionNear[name] = nil }
        case .references(let name, let reason): referenceReasons[name] = reason
        case .pattern(let p, let under, let reason): patterns.append((p, under, reason))
        }
      }
      let found = locator.definitions(of: Array(definitionReasons.keys))
      for name in definitionReasons.keys.sorted() {
        for file in found[name] ?? [] {
          if let near = definitionNear[name], !near.contains(file.directory) { continue }
          add(file, "defines \(name) (\(definitionReasons[name]!))")
        }
      }
      let directories = Set(indexed.map(\.directory)).sorted()
      let mentions = locator.references(to: Array(referenceReasons.keys), in: directories)
      for name in referenceReasons.keys.sorted() {
        for file in mentions[name] ?? [] { add(file, "mentions \(name) (\(referenceReasons[name]!))") }
      }
      // A grep each, on every core: each of the five walkthroughs asks for three or four tables.
      let searches = patterns.map { (pattern: $0.pattern, under: $0.under) }
      let matching = ParallelWork.map(count: searches.count, workers: ProcessInfo.processInfo.activeProcessorCount) {
        locator.files(matching: searches[$0].pattern, under: searches[$0].under)
      }
      for (p, files) in zip(patterns, matching) {
        for file in try files.get() { add(file, "matches \(p.reason)") }
      }
      if added.isEmpty {
        if try builtMore() { continue }
        break
      }
      indexed += added
    }
    if try builtMore() { snapshot = try self.snapshot() }
    report.rounds = round
    try store.recordDiscovery(report.files)
    // Written last, so that an interrupted discovery leaves the previous stamp, which no longer matches the index.
    if let stampKey, let state = try discoveryState() {
      let stamp = DiscoveryStamp(
        key: stampKey, state: state,
        files: report.files.map { .init(file: $0.file, reason: $0.reason, round: $0.round) }, rounds: report.rounds,
        unresolved: report.unresolved)
      try stamp.write(to: tree.cacheDirectory)
    }
    return (snapshot, report)
  }
}
