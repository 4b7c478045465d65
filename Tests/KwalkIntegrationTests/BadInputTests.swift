import Foundation
import KwalkTestSupport
import Testing

/// Bad input through the real binary: every ftrace fixture in Tests/Fixtures/fuzz/trace makes
/// `kwalk verify --trace FILE` exit 1 with exactly one line on standard error that names the file, before any kernel
/// is prepared. Walkthrough specs, annotations and anchors.lock are only read after a kernel tree is prepared, so
/// their fixtures go through the parsers in KwalkGraphTests and KwalkAnnotateTests instead.
@Suite struct BadInputTests {
  static let directory = Fixtures.root + "/fuzz/trace"

  /// The trace fixtures, each a kind of file that is not ftrace text.
  static var traces: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted() }

  @Test func thereAreTraceFixtures() {
    #expect(Self.traces.count >= 5)
  }

  // "Not ftrace text" is the trace parser's one error, and a verdict on the whole file (more lines that are not
  // events than events), so it names the file but no line.
  @Test(arguments: traces) func verifyRefusesOnOneLine(_ name: String) throws {
    let (status, stderr) = try Self.run(["verify", "--trace", Self.directory + "/" + name])
    #expect(status == 1)
    #expect(stderr.split(separator: "\n", omittingEmptySubsequences: false).count == 2 && stderr.hasSuffix("\n"))
    #expect(
      stderr == "kwalk: error: \(name) is not ftrace text (no `task-pid [cpu] flags time: event:` lines): pass a file "
        + "saved from /sys/kernel/tracing/trace or by kwalk trace\n")
  }

  /// Runs the kwalk built with this test bundle (not whatever `.build/debug` holds: that one may be left from an
  /// earlier build) and returns its exit status and standard error.
  static func run(_ arguments: [String]) throws -> (Int32, String) {
    let bundle = try #require(Bundle.main.executableURL, "no test bundle path")
    let binary = bundle.deletingLastPathComponent().appendingPathComponent("kwalk")
    try #require(FileManager.default.isExecutableFile(atPath: binary.path), "no kwalk next to \(bundle.path)")
    let p = Process()
    p.executableURL = binary
    p.arguments = arguments
    let err = Pipe()
    p.standardError = err
    p.standardOutput = FileHandle.nullDevice
    try p.run()
    let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    return (p.terminationStatus, text)
  }
}
