import Foundation
import KwalkClang
import KwalkCore
import KwalkKernel
import KwalkStore

/// Reads source files with libclang's tokens for source views. A `.c` file is parsed with its own compile command;
/// a header through an indexed unit that read it, so that macro uses are known from a real preprocessing.
///
/// Tokens are kept in the store, keyed by what the tokenizing unit read: a unit is parsed again only when one of its
/// files, its flags or the libclang library changed.
public struct SourceReader {
  public let tree: PreparedTree
  public let store: FactStore
  public let progress: ProgressReporter

  public init(tree: PreparedTree, store: FactStore, progress: ProgressReporter) {
    self.tree = tree
    self.store = store
    self.progress = progress
  }

  /// Bumped when the tokenizer's output changes, so that stored tokens are not reused.
  static let tokenizerVersion = 1

  /// The key of the tokens a unit gives: its flags, every file it read (by content) and the library that parsed it.
  static func tokenKey(_ unit: StoredUnit, library: String) -> String {
    let inputs = unit.inputs.map { "\($0.path)\u{1}\($0.hash)" }.sorted().joined(separator: "\u{2}")
    return ContentHash(string: [String(tokenizerVersion), library, unit.inputsDigest, inputs].joined(separator: "\u{3}"))
      .description
  }

  /// What `read` found and what it had to parse for it.
  public struct Reading: Sendable {
    /// Each readable file with its tokens.
    public var sources: [SourcePath: TokenizedSource]
    /// The units parsed because no stored tokens matched, sorted.
    public var parsedUnits: [SourcePath]
  }

  /// The text and tokens of each of `files`. A file no unit read keeps its text and gets no tokens; a file that
  /// cannot be read is left out.
  public func read(_ files: [SourcePath], units: [SourcePath: StoredUnit], workers: Int = 2) throws -> Reading {
    let mapper = tree.paths
    let commands = Kbuild(tree: tree, progress: progress).database().commands
    let plan = Self.plan(
      files: files, inputs: units.mapValues { $0.inputs.map(\.path) }, commands: Set(commands.keys), mapper: mapper)
    var out: [SourcePath: TokenizedSource] = [:]
    for f in files {
      if let text = SourceText(contentsOfFile: mapper.absolute(f)) {
        out[f] = TokenizedSource(path: f, text: text, tokens: [])
      }
    }
    // Files whose unit's key matches what is stored need no parse.
    let library = try ClangLibrary.shared().path
    var keys: [SourcePath: String] = [:]
    var hashes = FileHashCache()
    for (unit, planned) in plan {
      // A unit the last index did not check may have read a file that changed since: no key, so it is parsed.
      guard let stored = units[unit], hashes.unchanged(stored.inputs) else { continue }
      let key = Self.tokenKey(stored, library: library)
      for f in planned where out[f] != nil { keys[f] = key }
    }
    let cached = try store.cachedTokens(keys)
    for (f, tokens) in cached { out[f]?.tokens = tokens }
    let jobs = plan.keys.sorted().filter { unit in (plan[unit] ?? []).contains { out[$0] != nil && cached[$0] == nil } }
    guard !jobs.isEmpty else { return Reading(sources: out, parsedUnits: []) }
    progress.begin("tokenizing \(out.count - cached.count) source files through \(jobs.count) translation units")
    let texts = out
    let llvm = tree.toolchain.llvm
    let outcomes = ParallelWork.map(count: jobs.count, workers: workers) { i -> [(SourcePath, [SourceToken])] in
      guard let command = commands[jobs[i]] else { return [] }
      let unit = try TranslationUnit(index: try ClangIndex(llvm: llvm), path: command.file, arguments: command.frontendArguments)
      return (plan[jobs[i]] ?? []).compactMap { f in
        texts[f].map { (f, unit.tokens(inFile: mapper.absolute(f), text: $0.text)) }
      }
    }
    var fresh: [(file: SourcePath, key: String, tokens: [SourceToken])] = []
    for outcome in outcomes {
      for (f, tokens) in try outcome.get() {
        out[f]?.tokens = tokens
        if let key = keys[f] { fresh.append((f, key, tokens)) }
      }
    }
    try store.storeTokens(fresh)
    progress.finish("\(jobs.count) parsed")
    return Reading(sources: out, parsedUnits: jobs)
  }

  /// Which unit tokenizes which files: each `.c` file its own unit, each header the unit already chosen that read
  /// it, else the first (by path) that did. `inputs` holds the absolute paths each indexed unit read.
  public static func plan(
    files: [SourcePath], inputs: [SourcePath: [String]], commands: Set<SourcePath>, mapper: TreePathMapper
  ) -> [SourcePath: [SourcePath]] {
    var plan: [SourcePath: [SourcePath]] = [:]
    var readers: [SourcePath: [SourcePath]] = [:]
    // Units read thousands of headers; only the wanted files matter, and most paths need no normalizing to match.
    var wanted: [String: SourcePath] = [:]
    for f in files { wanted[mapper.absolute(f)] = f }
    for u in inputs.keys.sorted() where commands.contains(u) {
      for input in inputs[u] ?? [] {
        let p = input.contains("/.") ? mapper.sourcePath(for: input).flatMap { wanted[mapper.absolute($0)] } : wanted[input]
        if let p { readers[p, default: []].append(u) }
      }
    }
    let sorted = files.sorted()
    for f in sorted where commands.contains(f) && inputs[f] != nil { plan[f, default: []].append(f) }
    for f in sorted where !(plan[f]?.contains(f) ?? false) {
      guard let candidates = readers[f], !candidates.isEmpty else { continue }
      let host = candidates.first { plan[$0] != nil } ?? candidates[0]
      plan[host, default: []].append(f)
    }
    return plan
  }
}
