import Foundation
import KwalkClang
import KwalkCore
import KwalkKernel
import KwalkStore

/// Reads source files with libclang's tokens for source views. A `.c` file is parsed with its own compile command;
/// a header through an indexed unit that read it, so that macro uses are known from a real preprocessing.
public struct SourceReader {
  public let tree: PreparedTree
  public let progress: ProgressReporter

  public init(tree: PreparedTree, progress: ProgressReporter) {
    self.tree = tree
    self.progress = progress
  }

  /// The text and tokens of each of `files`. A file no unit read keeps its text and gets no tokens; a file that
  /// cannot be read is left out.
  public func read(_ files: [SourcePath], units: [SourcePath: StoredUnit], workers: Int = 2) throws
    -> [SourcePath: TokenizedSource]
  {
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
    let jobs = plan.keys.sorted()
    guard !jobs.isEmpty else { return out }
    progress.begin("tokenizing \(out.count) source files through \(jobs.count) translation units")
    let texts = out
    let outcomes = ParallelWork.map(count: jobs.count, workers: workers) { i -> [(SourcePath, [SourceToken])] in
      guard let command = commands[jobs[i]] else { return [] }
      let unit = try TranslationUnit(index: try ClangIndex(), path: command.file, arguments: command.frontendArguments)
      return (plan[jobs[i]] ?? []).compactMap { f in
        texts[f].map { (f, unit.tokens(inFile: mapper.absolute(f), text: $0.text)) }
      }
    }
    for outcome in outcomes {
      for (f, tokens) in try outcome.get() { out[f]?.tokens = tokens }
    }
    progress.finish("\(jobs.count) parsed")
    return out
  }

  /// Which unit tokenizes which files: each `.c` file its own unit, each header the unit already chosen that read
  /// it, else the first (by path) that did. `inputs` holds the absolute paths each indexed unit read.
  public static func plan(
    files: [SourcePath], inputs: [SourcePath: [String]], commands: Set<SourcePath>, mapper: TreePathMapper
  ) -> [SourcePath: [SourcePath]] {
    var plan: [SourcePath: [SourcePath]] = [:]
    var readers: [SourcePath: [SourcePath]] = [:]
    for u in inputs.keys.sorted() where commands.contains(u) {
      for input in inputs[u] ?? [] {
        if let p = mapper.sourcePath(for: input) { readers[p, default: []].append(u) }
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
