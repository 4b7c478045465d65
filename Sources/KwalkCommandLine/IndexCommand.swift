import ArgumentParser
import Foundation
import KwalkKernel

/// `kwalk index`: indexes the starting files and everything the walkthroughs need.
struct IndexCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "index", abstract: "Index a kernel: the starting files, then every file the walkthroughs reach.")

  @OptionGroup var kernel: KernelOptions

  func run() throws {
    try reportingErrors {
      let started = Date()
      let ws = try Workspace(
        source: try kernel.single(), cache: kernel.kwalkCache, annotations: kernel.annotations,
        progress: ProgressReporter())
      let (snapshot, report) = try ws.index()
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
}
