import ArgumentParser
import Foundation
import KwalkAnnotate
import KwalkCore
import KwalkKernel

/// `kwalk check`: where every annotation's anchor is in each kernel, and whether it drifted.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check", abstract: "Place every annotation in each kernel and report drift.")
  @OptionGroup var kernel: KernelOptions
  @Flag(help: "Report orphaned and ambiguous anchors without failing.") var allowOrphans = false
  @Flag(help: "Write where each anchor was found in the first kernel to Annotations/anchors.lock.") var record = false
  @Option(help: "text or json.") var format: OutputFormat = .text

  func run() throws {
    try reportingErrors {
      let (report, recordPath) = try Self.report(kernel: kernel)
      if format == .json {
        try printJSON(report.json)
      } else {
        print(report.text(), terminator: "")
      }
      if record, let first = report.kernels.first {
        let text = AnchorRecord(resolved: first.entries, kernel: first.version).serialized()
        try AtomicFile.write(text, to: recordPath)
        FileHandle.standardError.write(Data("recorded \(first.entries.count) anchors in \(recordPath)\n".utf8))
      }
      let failures = report.kernels.flatMap(\.entries).filter(\.status.isFailure).count
      if failures > 0, !allowOrphans {
        throw ValidationFailure(
          "\(failures) annotation anchors are orphaned or ambiguous: update their quotes, or pass --allow-orphans")
      }
    }
  }

  /// Resolves the annotations in every kernel, and says where the anchors record is; an anchor to a function no kernel
  /// defines, and that was never recorded, is an error rather than an orphan.
  static func report(kernel: KernelOptions) throws -> (AnnotationReport, recordPath: String) {
    var kernels: [AnnotationReport.Kernel] = []
    var record = AnchorRecord()
    var recordPath = ""
    for source in kernel.sources {
      let ws = try Workspace(
        source: source, cache: kernel.kwalkCache, annotations: kernel.annotations, progress: ProgressReporter())
      if recordPath.isEmpty {
        recordPath = ws.anchorRecordPath
        record = try AnchorRecord.load(from: recordPath)
      }
      let entries = try ws.resolveAnnotations(in: try ws.index().0)
      kernels.append(
        .init(
          label: ws.tree.label, version: ws.tree.version.description, entries: entries,
          skipped: AnnotationReport.Kernel.skipped(ws.annotations, version: ws.tree.version)))
    }
    let report = AnnotationReport(kernels: kernels)
    try report.requireKnownFunctions(record: record)
    return (report, recordPath)
  }
}
