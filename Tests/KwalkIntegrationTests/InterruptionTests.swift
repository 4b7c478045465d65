import Foundation
import KwalkCore
import KwalkTestSupport
import Testing

/// kwalk run in a process group of its own, its stderr read as it comes, so that a test can kill it (and the
/// make and clang it started) the moment it reaches a phase, as a Ctrl-C or a closed terminal would.
struct KillableRun: Sendable {
  /// How the run ended.
  struct Outcome: Sendable {
    var status: Int32
    var stderr: String
    /// Whether the run was killed (it reached the phase before it ended).
    var killed: Bool
  }

  var arguments: [String]
  var environment: [String: String] = [:]

  /// Runs kwalk; when a stderr line contains `phase`, waits `after` seconds and kills the whole group.
  func run(killAt phase: String? = nil, after seconds: Double = 0) throws -> Outcome {
    let binary = Fixtures.repository + "/.build/debug/kwalk"
    let p = Process()
    // Foundation starts the child as the leader of a process group of its own, so kill(-pid) reaches its children.
    p.executableURL = URL(fileURLWithPath: binary)
    p.arguments = arguments
    p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let err = Pipe()
    p.standardError = err
    p.standardOutput = FileHandle.nullDevice
    try p.run()
    var text = ""
    var killed = false
    while true {
      let chunk = err.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      text += String(decoding: chunk, as: UTF8.self)
      if let phase, !killed, text.contains(phase) {
        usleep(useconds_t(seconds * 1_000_000))
        killed = kill(-p.processIdentifier, SIGKILL) == 0
      }
    }
    p.waitUntilExit()
    return Outcome(status: p.terminationStatus, stderr: text, killed: killed)
  }
}

/// Every file under `root`, by relative path.
func filesUnder(_ root: String) -> [String: Data] {
  var out: [String: Data] = [:]
  guard let walker = FileManager.default.enumerator(atPath: root) else { return out }
  for case let path as String in walker {
    if let data = FileManager.default.contents(atPath: root + "/" + path) { out[path] = data }
  }
  return out
}

/// A scratch directory under /tmp, removed by `cleanUp`.
func scratchDirectory(_ name: String) throws -> String {
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kwalk-\(name)-\(UUID().uuidString)").path
  try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
  return dir
}

/// Runs killed at each phase, damaged inputs, and two runs at once, each in a cache of its own, from nothing.
@Suite(.serialized) struct InterruptionTests {
  let annotations = Fixtures.repository + "/Annotations"

  /// The site of 6.1 written from the standard cache, as the other integration tests use it: the reference.
  func referenceSite() throws -> [String: Data] {
    let out = try scratchDirectory("reference-site")
    defer { try? FileManager.default.removeItem(atPath: out) }
    let (status, text) = try runKwalk(["site", "--kernel", "6.1", "--annotations", annotations, "--out", out + "/site"])
    try #require(status == 0, "\(text)")
    return filesUnder(out + "/site")
  }

  @Test func killedAtEveryPhaseTheNextRunRepairsAndWritesTheSameSite() throws {
    let dir = try scratchDirectory("killed")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let site = ["site", "--kernel", "6.1", "--cache", dir + "/cache", "--annotations", annotations, "--out", dir + "/site"]
    // Each phase is killed partway through; the later ones are reached only if the earlier runs left nothing
    // that the next one trusted wrongly.
    let kills: [(phase: String, after: Double)] = [
      ("kwalk: unpacking", 3), ("kwalk: configuring and preparing", 6), ("kwalk: asking kbuild", 1),
      ("kwalk: parsing", 2), ("kwalk: tokenizing", 1), ("kwalk: writing", 0.05),
    ]
    for (phase, after) in kills {
      let run = try KillableRun(arguments: site).run(killAt: phase, after: after)
      #expect(run.killed, "the run never reached '\(phase)' (exit \(run.status)): \(run.stderr.suffix(600))")
    }
    let last = try KillableRun(arguments: site).run()
    try #require(last.status == 0, "\(last.stderr.suffix(1500))")
    let written = filesUnder(dir + "/site")
    let reference = try referenceSite()
    #expect(written.count == reference.count && written.count > 30)
    for (path, data) in reference.sorted(by: { $0.key < $1.key }) where written[path] != data {
      Issue.record("\(path) differs from the uninterrupted site's")
    }
    // The same site from a tree prepared without objtool and resolve_btfids (`Kbuild.withoutLinkTools`): the
    // reference's cache may hold a tree prepared with them.
    let builds = try FileManager.default.contentsOfDirectory(atPath: dir + "/cache/kernels").filter { !$0.hasSuffix("lock") }
    #expect(builds.count == 1, "\(builds)")
    for build in builds { #expect(!FileManager.default.fileExists(atPath: dir + "/cache/kernels/\(build)/build/tools")) }
    // Nothing half-written is left beside the site.
    let litter = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix(".site.") }
    #expect(litter.isEmpty, "\(litter)")

    // A damaged index: the next run says so in one line, rebuilds it and prints the same path.
    let path = ["path", "--kernel", "6.1", "--cache", dir + "/cache", "--annotations", annotations, "--format", "json"]
    let before = try KillableRun(arguments: path).run()
    try #require(before.status == 0)
    let database = try #require(
      FileManager.default.enumerator(atPath: dir + "/cache")?.compactMap { $0 as? String }
        .first { $0.hasSuffix("/kwalk.sqlite") })
    let handle = try #require(FileHandle(forWritingAtPath: dir + "/cache/" + database))
    handle.seek(toFileOffset: 0)
    handle.write(Data(repeating: 0xA5, count: 8192))
    try handle.close()
    let after = try runKwalkCapturing(path)
    #expect(after.status == 0, "\(after.stderr)")
    #expect(after.stderr.split(separator: "\n").filter { $0.contains("was not a usable kwalk index") }.count == 1)
    #expect(after.stdout == (try runKwalkCapturing(path)).stdout && !after.stdout.isEmpty)
  }

  @Test func aTruncatedTarballIsOneLineAndLeavesNothing() throws {
    let dir = try scratchDirectory("truncated")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let sources = dir + "/src"
    try FileManager.default.createDirectory(atPath: sources, withIntermediateDirectories: true)
    let whole = try #require(FileHandle(forReadingAtPath: "/usr/src/linux-source-6.1.tar.xz"))
    let head = whole.readData(ofLength: 8 << 20)
    try whole.close()
    try head.write(to: URL(fileURLWithPath: sources + "/linux-source-6.1.tar.xz"))
    try FileManager.default.createSymbolicLink(
      atPath: sources + "/linux-config-6.1", withDestinationPath: "/usr/src/linux-config-6.1")
    let run = try KillableRun(
      arguments: ["index", "--kernel", "6.1", "--cache", dir + "/cache", "--annotations", annotations],
      environment: ["KWALK_DEBIAN_SOURCES": sources]
    ).run()
    #expect(run.status == 1)
    let errors = run.stderr.split(separator: "\n").filter { $0.hasPrefix("kwalk: error:") }
    #expect(errors.count == 1 && run.stderr.split(separator: "\n").last.map { $0.hasPrefix("kwalk: error:") } == true)
    #expect(
      errors.first?.contains("\(sources)/linux-source-6.1.tar.xz is damaged") == true
        && errors.first?.contains("apt-get install --reinstall linux-source-6.1") == true, "\(run.stderr)")
    // No half tree, and no stamp that a later run could trust.
    let left = FileManager.default.enumerator(atPath: dir + "/cache")?.compactMap { $0 as? String } ?? []
    #expect(!left.contains { $0.hasSuffix("prepared.json") || $0.hasSuffix("/src") || $0.contains("src.tmp") }, "\(left)")
  }

  @Test func indexAndSiteAtOnceOnOneCacheBothSucceed() throws {
    let dir = try scratchDirectory("together")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let cache = ["--kernel", "6.1", "--cache", dir + "/cache", "--annotations", annotations]
    let runs = [["index"] + cache, ["site"] + cache + ["--out", dir + "/site"]]
    let outcomes = ParallelRuns.run(runs)
    for (arguments, outcome) in zip(runs, outcomes) {
      #expect(outcome.status == 0, "kwalk \(arguments[0]): \(outcome.stderr.suffix(1500))")
    }
    #expect(filesUnder(dir + "/site") == (try referenceSite()))
  }
}

/// kwalk runs started together, one thread each.
enum ParallelRuns {
  static func run(_ runs: [[String]]) -> [KillableRun.Outcome] {
    ParallelWork.map(count: runs.count, workers: runs.count) { try KillableRun(arguments: runs[$0]).run() }.map {
      (try? $0.get()) ?? KillableRun.Outcome(status: -1, stderr: "\($0)", killed: false)
    }
  }
}

/// kwalk's stdout and stderr, separately.
func runKwalkCapturing(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
  let p = Process()
  p.executableURL = URL(fileURLWithPath: Fixtures.repository + "/.build/debug/kwalk")
  p.arguments = arguments
  let errFile = FileManager.default.temporaryDirectory.appendingPathComponent("kwalk-err-\(UUID().uuidString)")
  _ = FileManager.default.createFile(atPath: errFile.path, contents: nil)
  defer { try? FileManager.default.removeItem(at: errFile) }
  let out = Pipe()
  p.standardOutput = out
  p.standardError = try FileHandle(forWritingTo: errFile)
  try p.run()
  let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
  p.waitUntilExit()
  let stderr = (try? String(contentsOf: errFile, encoding: .utf8)) ?? ""
  return (p.terminationStatus, stdout, stderr)
}
