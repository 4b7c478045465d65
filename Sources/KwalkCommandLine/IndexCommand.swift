import ArgumentParser
import Foundation
import KwalkCore
import KwalkKernel

/// `kwalk index`: indexes the starting files and everything the walkthroughs need.
struct IndexCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "index", abstract: "Index a kernel: the starting files, then every file the walkthroughs reach.")

  @OptionGroup var kernel: KernelOptions
  @Option(
    name: .customLong("also"),
    help: "Also index this .c file, or every .c file directly in this directory of the tree (repeatable).")
  var also: [String] = []

  func run() throws {
    try reportingErrors {
      let started = Date()
      let ws = try Workspace(
        source: try kernel.single(), cache: kernel.kwalkCache, annotations: kernel.annotations,
        progress: ProgressReporter())
      var (snapshot, report) = try ws.index()
      if !also.isEmpty {
        let extra = try Self.files(also, in: ws.tree.sourceRoot)
        let parsed = try ws.indexer.index(extra).parsed.count
        snapshot = try ws.indexer.snapshot()
        let built = extra.filter { snapshot.units[$0] != nil }.count
        print("also: \(extra.count) files, \(built) built in this config, \(parsed) parsed now")
      }
      for f in report.files { print("\(f.file)\t\(f.reason)") }
      let errors = snapshot.units.values.reduce(0) { $0 + $1.diagnostics.errors }
      print(
        "indexed \(snapshot.units.count) translation units (\(report.parsed) parsed now) in \(report.rounds) rounds: "
          + "\(snapshot.functions.count) functions, \(snapshot.callsByCaller.values.reduce(0) { $0 + $1.count }) call "
          + "sites, \(snapshot.bindings.count) bindings, \(errors) parse errors, "
          + String(format: "%.2f s", Date().timeIntervalSince(started)))
      print("database: \(ws.tree.databasePath)")
      for open in report.unresolved { print("unresolved: \(open)") }
    }
  }

  /// The `.c` files `entries` name: files as given, directories by their own `.c` files (not their subdirectories).
  static func files(_ entries: [String], in root: String) throws -> [SourcePath] {
    var out: [SourcePath] = []
    for entry in entries {
      let relative = entry.hasSuffix("/") ? String(entry.dropLast()) : entry
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory) else {
        throw ValidationFailure("--also \(entry): no such file or directory in \(root): name one relative to the tree")
      }
      if !isDirectory.boolValue {
        out.append(SourcePath(relative))
        continue
      }
      let names = try FileManager.default.contentsOfDirectory(atPath: root + "/" + relative)
      out += names.filter { $0.hasSuffix(".c") }.sorted().map { SourcePath(relative + "/" + $0) }
    }
    return out
  }
}
