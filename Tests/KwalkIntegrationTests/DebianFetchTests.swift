import Foundation
import KwalkKernel
import KwalkTestSupport
import Testing

/// Debian series that /usr/src does not have: listed by `kwalk kernels`, fetched into the cache, and the one-line
/// errors when no suite carries one or the archive cannot be reached.
@Suite(.serialized) struct DebianFetchTests {
  @Test func unreachableArchiveIsOneLine() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kwalk-fetch-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    // Nothing listens on the discard port of this machine's loopback.
    try "deb http://127.0.0.1:9/debian bookworm main\n".write(
      toFile: dir + "/sources.list", atomically: true, encoding: .utf8)
    let env = ["KWALK_APT_SOURCES": dir + "/sources.list"]
    let (status, text) = try runKwalk(["flags", "--kernel", "5.99", "--cache", dir + "/cache"], environment: env)
    #expect(status == 1)
    let last = text.split(separator: "\n").last.map(String.init) ?? ""
    #expect(
      last.hasPrefix(
        "kwalk: error: cannot reach the Debian archive http://127.0.0.1:9/debian to fetch linux-source-5.99 ("),
      "\(text)")
    #expect(
      last.hasSuffix(
        "): check the network, or install linux-source-5.99 and linux-config-5.99 by hand (apt-get install, or dpkg -i)"),
      "\(text)")
    // Nothing half-written: no fetched series, no package directory.
    #expect(DebianArchive(cache: KwalkCache(root: dir + "/cache"), progress: .silent, sources: nil).fetched().isEmpty)
    #expect(!FileManager.default.fileExists(atPath: dir + "/cache/kernels/debian-5.99-amd64_none_amd64/prepared.json"))
  }

  @Test func kernelsListsInstalledFetchedAndAvailable() throws {
    // The standard cache, where the other integration tests also fetch 5.10 and 7.2 (kwalk flags prepares only).
    let (prepared, log) = try runKwalk(["flags", "--kernel", "5.10"])
    #expect(prepared == 0, "\(log)")
    let (status, out, _) = try runKwalkOutput(["kernels", "--format", "json"])
    #expect(status == 0)
    let entries = try JSONDecoder().decode([KernelCatalog.Entry].self, from: Data(out.utf8))
    let bySeries = Dictionary(uniqueKeysWithValues: entries.map { ($0.series, $0) })
    #expect(bySeries["6.1"]?.state == "installed" && bySeries["6.12"]?.state == "installed")
    let v510 = try #require(bySeries["5.10"])
    #expect(v510.state == "fetched" && v510.suite == "bullseye" && v510.package?.hasPrefix("5.10.") == true)
    #expect(v510.prepared?.contains("/usr/lib/llvm-14/bin/clang") == true, "\(v510)")
    #expect(bySeries["7.2"]?.suite == "sid")
    #expect(DebianKernels.sortedSeries(entries.map(\.series)) == entries.map(\.series))
  }
}

/// Runs the built kwalk and returns its exit status, standard output and standard error.
func runKwalkOutput(_ arguments: [String], environment: [String: String] = [:]) throws -> (Int32, String, String) {
  let binary = Fixtures.repository + "/.build/debug/kwalk"
  try #require(FileManager.default.isExecutableFile(atPath: binary))
  let p = Process()
  p.executableURL = URL(fileURLWithPath: binary)
  p.arguments = arguments
  p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
  let out = Pipe()
  let err = Pipe()
  p.standardOutput = out
  p.standardError = err
  try p.run()
  // Standard error is small; read it after standard output has been drained.
  let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
  let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
  p.waitUntilExit()
  return (p.terminationStatus, stdout, stderr)
}
