import Foundation
import KwalkCore
import KwalkIndex
import KwalkKernel
import KwalkTestSupport
import Testing

/// Source pages' tokens come from the store until a file their unit read changes.
@Suite struct SourceTokenCacheTests {
  /// A copy of linux-mini posing as a prepared tree, with a compile database in kbuild's form for two units.
  func preparedCopy() throws -> PreparedTree {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kwalk-tokens-\(UUID().uuidString)").path
    return try Fixtures.preparedMiniCopy(source: dir + "/src", cache: dir)
  }

  @Test func aSecondReadParsesNothingAndAChangedHeaderReparsesItsUnit() throws {
    let tree = try preparedCopy()
    defer { try? FileManager.default.removeItem(atPath: tree.cacheDirectory) }
    let indexer = try Indexer(tree: tree, progress: .silent)
    let units: [SourcePath] = ["net/core/dev.c", "kernel/softirq.c"]
    try indexer.index(units)
    let files: [SourcePath] = ["net/core/dev.c", "include/linux/netdevice.h", "kernel/softirq.c"]
    let reader = SourceReader(tree: tree, store: indexer.store, progress: .silent)

    let first = try reader.read(files, units: try indexer.store.units())
    #expect(first.parsedUnits == units.sorted())
    #expect(first.sources.values.allSatisfy { !$0.tokens.isEmpty })
    let second = try reader.read(files, units: try indexer.store.units())
    #expect(second.parsedUnits.isEmpty)
    for f in files { #expect(second.sources[f]?.tokens == first.sources[f]?.tokens, "\(f)") }

    // A line added to the header: the unit that tokenizes it (dev.c, parsed anyway) is parsed again, the other not.
    let header = tree.sourceRoot + "/include/linux/netdevice.h"
    let text = try String(contentsOfFile: header, encoding: .utf8)
    try ("/* one more line */\n" + text).write(toFile: header, atomically: true, encoding: .utf8)
    try indexer.index(units)
    let third = try reader.read(files, units: try indexer.store.units())
    #expect(third.parsedUnits == ["net/core/dev.c"])
    #expect(third.sources["include/linux/netdevice.h"]?.tokens.first?.kind == .comment)
    #expect(third.sources["kernel/softirq.c"]?.tokens == first.sources["kernel/softirq.c"]?.tokens)
  }
}
