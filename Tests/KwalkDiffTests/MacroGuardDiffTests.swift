import Foundation
import KwalkCore
import KwalkGraph
import KwalkTestSupport
import Testing

@testable import KwalkDiff

/// The guards around a macro's `#define` (Tests/Fixtures/macro-guards-before/README.md): the call site is the same,
/// the `#if` around the definition gains `CONFIG_NET_XGRESS`.
@Suite struct MacroGuardDiffTests {
  func side(_ tree: String, version: String) throws -> DiffSide {
    try fixtureSide(tree, version: version, defines: ["CONFIG_NET_EGRESS", "CONFIG_NET_XGRESS"], files: ["net/core/dev.c"], walkthrough: "macro")
  }

  @Test func theGuardsAroundAMacrosDefinitionAreCompared() throws {
    let before = try side("macro-guards-before", version: "1.0")
    let after = try side("macro-guards-after", version: "2.0")
    let hop = try #require(before.paths.first?.hops.first)
    #expect(hop.kind == .macro && hop.via == "dev_xmit_hook" && hop.config.isEmpty)
    #expect(hop.macroDefinition == Hop.Place(file: "include/linux/netdevice.h", line: 10))

    let d = try PathDiffer(old: before, new: after).diff(walkthrough: "macro")
    let h = try #require(d.legs.first?.hops.first)
    #expect(h.config == nil, "the call site's own guards did not change")
    #expect(
      h.macroConfigs == [
        MacroConfigChange(
          macro: "dev_xmit_hook", oldDefinition: "include/linux/netdevice.h:10",
          newDefinition: "include/linux/netdevice.h:11",
          change: ConfigChange(appeared: ["CONFIG_NET_XGRESS"], disappeared: [], renamed: []))
      ])
    #expect(h.isChanged && d.summary.configChanged == 1)
    #expect(
      d.text.contains(
        "  macro config: dev_xmit_hook (defined at include/linux/netdevice.h:10 → include/linux/netdevice.h:11): "
          + "+CONFIG_NET_XGRESS\n"), "\(d.text)")
    // Backwards it disappears; against itself nothing changed.
    let back = try PathDiffer(old: after, new: before).diff(walkthrough: "macro")
    #expect(back.legs.first?.hops.first?.macroConfigs.map(\.change.disappeared) == [["CONFIG_NET_XGRESS"]])
    let same = try PathDiffer(old: before, new: try side("macro-guards-before", version: "1.1")).diff(walkthrough: "macro")
    #expect(same.legs.first?.hops.first?.macroConfigs.isEmpty == true)
  }
}
