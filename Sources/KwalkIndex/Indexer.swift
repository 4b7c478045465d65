import Foundation
import KwalkClang
import KwalkCore
import KwalkKernel
import KwalkStore
import Synchronization

/// Parses translation units with libclang, in parallel, and keeps their facts in the store. A unit is parsed again
/// only when its flags, its file or a header it read changed.
public final class Indexer: Sendable {
  public let tree: PreparedTree
  public let store: FactStore
  public let progress: ProgressReporter
  let kbuild: Kbuild
  /// Files whose parse failed with a command only kbuild's dry run has said: built (`confirmPendingBuilds`) before
  /// they count as not built, or are indexed with the command the build recorded.
  let pendingBuilds = Mutex<Set<SourcePath>>([])

  /// What one `index` call did.
  public struct Report: Sendable {
    /// Units parsed now.
    public var parsed: [SourcePath] = []
    /// Units whose stored facts were still valid.
    public var reused: [SourcePath] = []
    /// Seconds spent parsing and extracting (wall clock).
    public var parseSeconds: Double = 0
  }

  public init(tree: PreparedTree, progress: ProgressReporter) throws {
    self.tree = tree
    self.progress = progress
    // Fail before any work when libclang cannot be loaded.
    _ = try ClangLibrary.shared(llvm: tree.toolchain.llvm)
    kbuild = Kbuild(tree: tree, progress: progress)
    store = try FactStore(path: tree.databasePath) { problem in progress.note(problem.description) }
    // Facts written by another version of the extractor may lack what this one records: parse everything again.
    if try store.factsVersion() != FactExtractor.version {
      try store.resetFacts(version: FactExtractor.version)
    }
  }

  /// Makes sure each of `files` is indexed and current. Files kbuild does not build are skipped (and returned in
  /// `Kbuild.database().notBuilt`). With `deferringBuilds`, a file whose parse failed with a command from kbuild's dry
  /// run waits for `confirmPendingBuilds` (discovery builds them all with one make) instead of being built now.
  @discardableResult
  public func index(_ files: [SourcePath], deferringBuilds: Bool = false) throws -> Report {
    let commands = try kbuild.compileCommands(for: files)
    let stored = try store.units()
    let pending = pendingBuilds.withLock { $0 }
    var report = Report()
    var todo: [(SourcePath, CompileCommand, [String])] = []
    var hashes = FileHashCache()
    for file in files.sorted() {
      guard let command = commands[file], !pending.contains(file) else { continue }
      let arguments = command.frontendArguments
      let digest = ContentHash(string: arguments.joined(separator: "\u{1}")).description
      if let unit = stored[file], unit.inputsDigest == digest, hashes.unchanged(unit.inputs) {
        report.reused.append(file)
      } else {
        todo.append((file, command, arguments))
      }
    }
    guard !todo.isEmpty else { return report }

    progress.begin("parsing \(todo.count) translation unit\(todo.count == 1 ? "" : "s") with libclang")
    let start = Date()
    let mapper = tree.paths
    let buildRoot = tree.buildRoot
    let llvm = tree.toolchain.llvm
    let store = store
    let sharedHashes = Mutex(hashes)
    // Longest first, by the size of the `.c` file: a large unit started last would leave the other core idle at the
    // end of the batch, and discovery's rounds are batches of a dozen or two.
    let size = Dictionary(uniqueKeysWithValues: todo.map { ($0.0, FileHashCache.stat($0.1.file).0) })
    let jobs = todo.sorted { (size[$0.0]!, $1.0) > (size[$1.0]!, $0.0) }
    let kbuild = kbuild
    let outcomes = ParallelWork.map(count: jobs.count, workers: ProcessInfo.processInfo.activeProcessorCount) { i in
      let (file, command, arguments) = jobs[i]
      let t0 = Date()
      let index = try ClangIndex(llvm: llvm)
      let unit = try TranslationUnit(index: index, path: command.file, arguments: arguments)
      let facts = FactExtractor(paths: mapper).extract(unit, file: file)
      // kbuild's dry run says a command for any .c file; only a build tells whether this config compiles it.
      if facts.diagnostics.errors > 0 && !kbuild.hasBuilt(file) { return (file, stored: false) }
      let included = unit.includedFiles()
      let seconds = Date().timeIntervalSince(t0)
      let inputs = sharedHashes.withLock { hashes in
        included.map { hashes.input(for: $0.hasPrefix("/") ? $0 : buildRoot + "/" + $0) }
      }
      let digest = ContentHash(string: arguments.joined(separator: "\u{1}")).description
      try store.replace(unit: facts, inputsDigest: digest, inputs: inputs, seconds: seconds)
      return (file, stored: true)
    }
    let done = outcomes.compactMap { try? $0.get() }
    report.parsed = done.filter(\.stored).map(\.0).sorted()
    let failed = done.filter { !$0.stored }.map(\.0)
    report.parseSeconds = Date().timeIntervalSince(start)
    progress.finish("\(report.parsed.count) parsed" + (failed.isEmpty ? "" : ", \(failed.count) failed, to be built"))
    for case .failure(let error) in outcomes { throw error }
    guard !failed.isEmpty else { return report }
    pendingBuilds.withLock { $0.formUnion(failed) }
    if !deferringBuilds {
      let more = try confirmPendingBuilds()
      report.parsed = (report.parsed + more.parsed).sorted()
      report.parseSeconds += more.parseSeconds
    }
    return report
  }

  /// Builds the objects of the files whose parse failed with a command from the dry run, with one make: those kbuild
  /// cannot build go to `notBuilt` (as when kwalk built every object), the others are indexed with the command the
  /// build recorded.
  @discardableResult
  public func confirmPendingBuilds() throws -> Report {
    let pending = pendingBuilds.withLock { p in
      defer { p.removeAll() }
      return p.sorted()
    }
    guard !pending.isEmpty else { return Report() }
    let built = try kbuild.confirmByBuilding(pending)
    return built.isEmpty ? Report() : try index(built)
  }

  /// A digest of every stored unit's flags and of what it read, with the library that parsed them; nil when a file
  /// some unit read has changed since (the index is not current).
  public func currentInputsDigest() throws -> String? {
    var hashes = FileHashCache()
    var parts = [KernelPreparer.identity(of: try ClangLibrary.shared().path)]
    for (path, unit) in try store.units().sorted(by: { $0.key < $1.key }) {
      guard hashes.unchanged(unit.inputs) else { return nil }
      let inputs = unit.inputs.map { $0.path + "\u{2}" + $0.hash }.sorted().joined(separator: "\u{3}")
      parts.append([path.value, unit.inputsDigest, inputs].joined(separator: "\u{1}"))
    }
    return ContentHash(string: parts.joined(separator: "\u{4}")).description
  }

  /// The snapshot of everything indexed so far.
  public func snapshot() throws -> IndexSnapshot {
    IndexSnapshot(version: tree.version, facts: try store.loadAll(), units: try store.units())
  }
}

/// Size, time and content of files, each read at most once per run.
struct FileHashCache {
  private var known: [String: InputFile] = [:]
  private var stats: [String: (Int64, Double)] = [:]

  /// The current state of a file.
  mutating func input(for path: String) -> InputFile {
    if let k = known[path] { return k }
    let (size, mtime) = Self.stat(path)
    let hash = (try? ContentHash(contentsOf: URL(fileURLWithPath: path)).description) ?? "missing"
    let i = InputFile(path: path, size: size, mtime: mtime, hash: hash)
    known[path] = i
    return i
  }

  /// True when every file still has its recorded size and time, or else its recorded content.
  mutating func unchanged(_ inputs: [InputFile]) -> Bool {
    guard !inputs.isEmpty else { return false }
    for old in inputs {
      let (size, mtime) = stats[old.path] ?? Self.stat(old.path)
      stats[old.path] = (size, mtime)
      if size == old.size && mtime == old.mtime { continue }
      if input(for: old.path).hash != old.hash { return false }
    }
    return true
  }

  static func stat(_ path: String) -> (Int64, Double) {
    var st = Glibc.stat()
    guard lstat(path, &st) == 0 else { return (-1, 0) }
    return (Int64(st.st_size), Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9)
  }
}
