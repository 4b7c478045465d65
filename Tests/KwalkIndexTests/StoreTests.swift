import Foundation
import KwalkCore
import KwalkIndex
import KwalkStore
import KwalkTestSupport
import Testing

/// The SQLite store: round trips, replacement, and never trusting a foreign or damaged file.
@Suite struct StoreTests {
  func tempPath() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("kwalk-store-\(UUID().uuidString).sqlite").path
  }

  @Test func roundTripAndReplace() throws {
    let path = tempPath()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let facts = try Fixtures.facts(tree: "linux-mini", file: "net/core/dev.c")
    let store = try FactStore(path: path)
    try store.replace(unit: facts, inputsDigest: "d1", inputs: [], seconds: 0.1)
    try store.replace(unit: facts, inputsDigest: "d2", inputs: [], seconds: 0.1)
    let loaded = try store.loadAll()
    #expect(loaded.functions.count == facts.functions.count)
    #expect(Set(loaded.callSites) == Set(facts.callSites))
    #expect(Set(loaded.bindings) == Set(facts.bindings))
    #expect(Set(loaded.tracepoints) == Set(facts.tracepoints))
    #expect(try store.units()["net/core/dev.c"]?.inputsDigest == "d2")
  }

  @Test func registrationsAreDerived() throws {
    let snapshot = try Fixtures.snapshot(tree: "linux-mini", files: ["net/core/dev.c", "kernel/softirq.c"])
    let b = try #require(snapshot.bindingsByField[StructField(structName: "softirq_action", field: "action")]?.first)
    #expect(b.functionName == "net_rx_action" && b.form == .registration && b.keys == ["NET_RX_SOFTIRQ"])
    #expect(b.location.line == (try Fixtures.line(of: "open_softirq:registration", in: "net/core/dev.c")))
  }

  @Test func foreignAndCorruptFilesAreRebuilt() throws {
    for garbage in [Data("this is not sqlite at all, just text".utf8), Data(repeating: 7, count: 8192)] {
      let path = tempPath()
      defer { try? FileManager.default.removeItem(atPath: path); try? FileManager.default.removeItem(atPath: path + ".bad") }
      try garbage.write(to: URL(fileURLWithPath: path))
      var reported: [String] = []
      let store = try FactStore(path: path) { reported.append($0.description) }
      #expect(reported.count == 1)
      #expect(reported.first?.contains("was not a usable kwalk index") == true)
      try store.replace(unit: try Fixtures.facts(tree: "linux-mini", file: "kernel/softirq.c"), inputsDigest: "x", inputs: [], seconds: 0)
      #expect(try store.loadAll().functions.count == 2)
    }
  }
}

/// The store remembers which extractor wrote its facts, and forgets them all when told to.
@Suite struct FactsVersionTests {
  @Test func resetForgetsUnitsAndKeepsTheVersion() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kwalk-version-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let store = try FactStore(path: dir.appendingPathComponent("kwalk.sqlite").path)
    #expect(try store.factsVersion() == 0)
    try store.replace(
      unit: try Fixtures.facts(tree: "linux-mini", file: "net/core/dev.c"), inputsDigest: "d", inputs: [], seconds: 0)
    #expect(try store.units().count == 1)
    try store.resetFacts(version: 7)
    #expect(try store.units().isEmpty && store.loadAll().functions.isEmpty)
    #expect(try store.factsVersion() == 7)
  }
}
