import Foundation
import KwalkCore
import KwalkIndex
import KwalkKernel
import KwalkTestSupport
import Testing

/// A discovery whose walkthroughs, index and kbuild answers have not changed since the last one ends where that one
/// ended without running a round; any change runs the rounds again.
@Suite struct DiscoveryStampTests {
  /// A copy of linux-mini posing as a prepared tree with commands for two units; `unpacked`: its sources inside the
  /// cache directory, as kwalk unpacks a Debian tarball, else beside it, as a user's `--tree`.
  func preparedCopy(unpacked: Bool = true) throws -> PreparedTree {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kwalk-discovery-\(UUID().uuidString)").path
    let cache = dir + "/cache"
    let source = unpacked ? cache + "/src" : dir + "/tree"
    return try Fixtures.preparedMiniCopy(source: source, cache: cache)
  }

  /// Discovery from dev.c that asks for open_softirq's definition until the snapshot has it; counts the rounds that
  /// asked.
  func discover(_ indexer: Indexer, key: String?) throws -> (IndexSnapshot, Indexer.DiscoveryReport, asked: Int) {
    var asked = 0
    let (snapshot, report) = try indexer.discover(startingFiles: ["net/core/dev.c"], requestsKey: key) { snapshot in
      asked += 1
      return snapshot.functionsByName["open_softirq"] == nil ? [.definition("open_softirq", reason: "test")] : []
    }
    return (snapshot, report, asked)
  }

  func files(_ report: Indexer.DiscoveryReport) -> [String] {
    report.files.map { "\($0.file.value) \($0.round) \($0.reason)" }
  }

  @Test func anUnchangedDiscoveryRunsNoRoundAndAChangeRunsThemAgain() throws {
    let tree = try preparedCopy()
    defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: tree.cacheDirectory).deletingLastPathComponent().path) }
    let indexer = try Indexer(tree: tree, progress: .silent)
    let first = try discover(indexer, key: "walkthroughs A")
    #expect(first.asked == 2)
    #expect(first.1.parsed == 2)
    #expect(files(first.1) == ["net/core/dev.c 0 starting file", "kernel/softirq.c 1 defines open_softirq (test)"])

    let second = try discover(indexer, key: "walkthroughs A")
    #expect(second.asked == 0)
    #expect(second.1.parsed == 0)
    #expect(files(second.1) == files(first.1))
    #expect(second.1.rounds == first.1.rounds)
    #expect(second.0.functions == first.0.functions)

    // Other walkthroughs: the rounds run (and stamp the new key).
    #expect(try discover(indexer, key: "walkthroughs B").asked > 0)
    #expect(try discover(indexer, key: "walkthroughs B").asked == 0)
    // No key: never stamped.
    #expect(try discover(indexer, key: nil).asked > 0)

    // A header a unit read changes: the rounds run, and the unit is parsed again.
    let header = tree.sourceRoot + "/include/linux/netdevice.h"
    let text = try String(contentsOfFile: header, encoding: .utf8)
    try ("/* one more line */\n" + text).write(toFile: header, atomically: true, encoding: .utf8)
    let changed = try discover(indexer, key: "walkthroughs B")
    #expect(changed.asked > 0)
    #expect(changed.1.parsed == 1)
    #expect(try discover(indexer, key: "walkthroughs B").asked == 0)

    // kbuild's answers change (a file it does not build): the rounds run.
    try Data(#"["net/ipv4/ip_output.c"]"#.utf8).write(to: URL(fileURLWithPath: tree.cacheDirectory + "/not-built.json"))
    #expect(try discover(indexer, key: "walkthroughs B").asked > 0)

    // A stamp that cannot be read is no stamp.
    try Data("{".utf8).write(to: URL(fileURLWithPath: tree.cacheDirectory + "/discovery.json"))
    #expect(try discover(indexer, key: "walkthroughs B").asked > 0)
    #expect(try discover(indexer, key: "walkthroughs B").asked == 0)
  }

  @Test func aUsersTreeIsSearchedEveryTime() throws {
    let tree = try preparedCopy(unpacked: false)
    defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: tree.cacheDirectory).deletingLastPathComponent().path) }
    let indexer = try Indexer(tree: tree, progress: .silent)
    #expect(try discover(indexer, key: "walkthroughs A").asked == 2)
    let again = try discover(indexer, key: "walkthroughs A")
    #expect(again.asked > 0)
    #expect(again.1.parsed == 0)
    #expect(!FileManager.default.fileExists(atPath: tree.cacheDirectory + "/discovery.json"))
  }
}
