import Foundation
import KwalkCore
import KwalkGraph
import KwalkTestSupport
import Testing

@testable import KwalkDiff

/// The guards of every macro a call goes through (Tests/Fixtures/macro-chain-before/README.md): the call sites are
/// the same, the `#if`s around `INDIRECT_CALL_INET` and around the `INDIRECT_CALL_1`/`_2` its body uses change.
@Suite struct MacroChainDiffTests {
  static let header = "include/linux/indirect_call_wrapper.h"

  func side(_ tree: String, version: String) throws -> DiffSide {
    try fixtureSide(
      tree, version: version, defines: ["CONFIG_RETPOLINE", "CONFIG_MITIGATION_RETPOLINE", "CONFIG_IPV6", "CONFIG_INET"],
      files: ["net/core/dev.c", "net/ipv4/ip_input.c", "net/ipv4/tcp_ipv4.c"], walkthrough: "chain")
  }

  /// The chain follows each body's macros to the definitions the index records, the config-compiled ones.
  @Test func theChainFollowsTheMacrosEachBodyUses() throws {
    let before = try side("macro-chain-before", version: "1.0")
    let hops = try #require(before.paths.first?.hops)
    #expect(hops.map(\.callee) == ["ip_rcv", "ip_local_deliver", "tcp_v4_rcv"])
    #expect(hops.map(\.via) == ["INDIRECT_CALL_INET", nil, "INDIRECT_CALL_2"])
    let first = hops[0]
    let chain = MacroChain(snapshot: before.snapshot)
    let links = chain.links(from: "INDIRECT_CALL_INET", at: try #require(first.macroDefinition), in: before.sources)
    #expect(
      links == [
        .init(name: "INDIRECT_CALL_INET", definition: .init(file: Self.header, line: 23), through: []),
        .init(name: "INDIRECT_CALL_2", definition: .init(file: Self.header, line: 11), through: ["INDIRECT_CALL_INET"]),
        .init(
          name: "INDIRECT_CALL_1", definition: .init(file: Self.header, line: 6),
          through: ["INDIRECT_CALL_INET", "INDIRECT_CALL_2"]),
      ])
    // `typeof`, the parameters and `__VA_ARGS__` are no macros the index records.
    #expect(
      MacroChain.macrosUsed(
        inDefinitionAt: 11, of: "INDIRECT_CALL_2", in: try #require(before.sources.text(SourcePath(Self.header))))
        == ["typeof", "__f2", "__VA_ARGS__", "INDIRECT_CALL_1"])
  }

  @Test func eachMacrosGuardsAreComparedAndNamed() throws {
    let before = try side("macro-chain-before", version: "1.0")
    let after = try side("macro-chain-after", version: "2.0")
    let d = try PathDiffer(old: before, new: after).diff(walkthrough: "chain")
    let hops = try #require(d.legs.first?.hops)
    #expect(hops.allSatisfy { $0.relation == .same && $0.kind == nil && $0.config == nil })
    let rename = ConfigChange(
      appeared: [], disappeared: [], renamed: [.init(old: "CONFIG_RETPOLINE", new: "CONFIG_MITIGATION_RETPOLINE")])
    #expect(
      hops[0].macroConfigs == [
        MacroConfigChange(
          macro: "INDIRECT_CALL_INET", oldDefinition: "\(Self.header):23", newDefinition: "\(Self.header):23",
          change: ConfigChange(appeared: ["CONFIG_INET"], disappeared: [], renamed: [])),
        MacroConfigChange(
          macro: "INDIRECT_CALL_2", oldDefinition: "\(Self.header):11", newDefinition: "\(Self.header):11",
          change: rename, through: ["INDIRECT_CALL_INET"]),
      ])
    #expect(hops[1].macroConfigs.isEmpty, "a direct call goes through no macro")
    // INDIRECT_CALL_1's rename is the one INDIRECT_CALL_2's already says.
    #expect(
      hops[2].macroConfigs == [
        MacroConfigChange(
          macro: "INDIRECT_CALL_2", oldDefinition: "\(Self.header):11", newDefinition: "\(Self.header):11",
          change: rename)
      ])
    #expect(d.summary.configChanged == 2)
    #expect(
      d.text.contains(
        "  macro config: INDIRECT_CALL_INET (defined at \(Self.header):23): +CONFIG_INET\n"
          + "  macro config: INDIRECT_CALL_2, used by INDIRECT_CALL_INET (defined at \(Self.header):11): "
          + "CONFIG_RETPOLINE → CONFIG_MITIGATION_RETPOLINE\n"), "\(d.text)")
    // Backwards the guards disappear and the rename turns round; against itself nothing changed.
    let back = try PathDiffer(old: after, new: before).diff(walkthrough: "chain")
    #expect(back.legs.first?.hops.first?.macroConfigs.map(\.change.disappeared) == [["CONFIG_INET"], []])
    #expect(
      back.legs.first?.hops.last?.macroConfigs.first?.change.renamed
        == [.init(old: "CONFIG_MITIGATION_RETPOLINE", new: "CONFIG_RETPOLINE")])
    let same = try PathDiffer(old: before, new: try side("macro-chain-before", version: "1.1")).diff(walkthrough: "chain")
    #expect(same.legs.first?.hops.allSatisfy { $0.macroConfigs.isEmpty } == true)
  }
}
