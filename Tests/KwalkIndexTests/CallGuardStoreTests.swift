import Foundation
import KwalkCore
import KwalkIndex
import KwalkStore
import KwalkTestSupport
import Testing

/// Call sites keep their guards and placement through the store (migration `v4-call-guards`).
@Suite struct CallGuardStoreTests {
  @Test func guardsAndPlacementRoundTrip() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("kwalk-guards-\(UUID().uuidString).sqlite").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let store = try FactStore(path: path)
    var stored: [CallSiteFact] = []
    for file in ["net/ipv4/tcp.c", "net/ipv4/tcp_output.c"] {
      let facts = try Fixtures.facts(tree: "route-mini", file: file)
      try store.replace(unit: facts, inputsDigest: "d", inputs: [], seconds: 0)
      stored += facts.callSites
    }
    // The fixture has every kind, both hints, guards in a header and every placement: the test covers the coding.
    let guards = stored.flatMap(\.guards)
    #expect(Set(guards.map(\.kind)) == [.then, .otherwise, .switchCase, .loop])
    #expect(Set(guards.compactMap(\.hint)) == [.likely, .unlikely])
    #expect(guards.contains { $0.location.path == "include/net/tcp.h" })
    #expect(Set(stored.map(\.placement)) == [.mainLine, .branch, .exit])
    let loaded = try store.loadAll().callSites
    #expect(Set(loaded) == Set(stored))
  }

  @Test func conditionsWithSeparatorsOfOtherCodings() throws {
    // `|`, `,` and `:` separate other columns' codings; a condition may hold all of them.
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("kwalk-guards-\(UUID().uuidString).sqlite").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let store = try FactStore(path: path)
    var facts = try Fixtures.facts(tree: "route-mini", file: "net/ipv4/tcp.c")
    let other = SourceLocation(path: "include/net/odd:name.h", line: 3, column: 9)
    facts.callSites[0].guards = [
      BranchGuard(kind: .then, condition: "a || f(b, c) ? d : e", location: other, hint: nil),
      BranchGuard(kind: .switchCase, condition: "x / case 1 ... 3", location: facts.callSites[0].location, hint: .likely),
    ]
    try store.replace(unit: facts, inputsDigest: "d", inputs: [], seconds: 0)
    #expect(Set(try store.loadAll().callSites) == Set(facts.callSites))
  }
}
