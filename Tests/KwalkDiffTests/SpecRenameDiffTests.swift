import Foundation
import KwalkCore
import KwalkGraph
import KwalkTestSupport
import Testing

@testable import KwalkDiff

/// A stop the spec names two ways (Tests/Fixtures/spec-rename-before/README.md): `netif_rx` before, `__netif_rx`
/// after, with `netif_rx` still defined after.
@Suite struct SpecRenameDiffTests {
  func side(_ tree: String, version: String) throws -> DiffSide {
    try fixtureSide(tree, version: version, defines: [], files: ["net/core/dev.c"], walkthrough: "rename")
  }

  @Test func theSpecsOtherNameIsARename() throws {
    let before = try side("spec-rename-before", version: "5.10")
    let after = try side("spec-rename-after", version: "6.1")
    #expect(before.paths[0].functions == ["loopback_xmit", "netif_rx", "enqueue_to_backlog"])
    #expect(after.paths[0].functions == ["loopback_xmit", "__netif_rx", "enqueue_to_backlog"])
    #expect(before.paths[0].renamedStops.map(\.used) == ["netif_rx"])
    let d = try PathDiffer(old: before, new: after).diff(walkthrough: "rename")
    let hops = d.legs[0].hops
    #expect(hops.map(\.relation) == [.renamed, .same], "\(hops.map(\.relation))")
    #expect(hops[0].old.map(\.callee) == ["netif_rx"] && hops[0].new.map(\.callee) == ["__netif_rx"])
    // The history keeps both on one row.
    let h = PathHistory.build(
      walkthrough: "rename", kernels: ["5.10", "6.1"], labels: ["5.10", "6.1"],
      paths: [before.paths, after.paths], diffs: [d])
    #expect(h.legs[0].rows.count == 2)
    #expect(h.legs[0].rows[0].cells.map { $0?.callee } == ["netif_rx", "__netif_rx"])
    #expect(h.legs[0].rows[0].cells[1]?.changes.first == "renamed")
  }
}
