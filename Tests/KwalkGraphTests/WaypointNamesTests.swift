import KwalkCore
import KwalkGraph
import Testing

/// One spec for every kernel: a waypoint with the names it had in other versions, or optional.
@Suite struct WaypointNamesTests {
  let spec = """
    name: w
    [send]
    entry: a
    waypoints: b | b_old | b_older, c?, d
    exit: e
    """

  @Test func namesAndOptionalStops() throws {
    let leg = try WalkthroughSpec.parse(spec, source: "w.walk").legs[0]
    #expect(leg.waypoints == ["b", "c", "d"])
    #expect(leg.names(of: "b") == ["b", "b_old", "b_older"] && leg.names(of: "d") == ["d"])
    #expect(leg.optional == ["c"])
  }

  @Test func eachKernelUsesTheFirstNameItDefines() throws {
    let leg = try WalkthroughSpec.parse(spec, source: "w.walk").legs[0]
    let newer: Set<String> = ["a", "b", "c", "d", "e"]
    let older: Set<String> = ["a", "b_old", "b_older", "d", "e"]
    let resolve = { (defined: Set<String>) in { (n: String) in defined.contains(n) ? SymbolID(n) : nil } }
    let now = try leg.resolveStops(walkthrough: "w", resolve(newer))
    #expect(now.map(\.used) == ["a", "b", "c", "d", "e"])
    let then = try leg.resolveStops(walkthrough: "w", resolve(older))
    #expect(then.map(\.name) == ["a", "b", "c", "d", "e"])
    #expect(then.map(\.used) == ["a", "b_old", nil, "d", "e"])
    #expect(then.compactMap(\.id) == ["a", "b_old", "d", "e"])
  }

  @Test func anErrorOnlyWhenNoNameExists() throws {
    let leg = try WalkthroughSpec.parse(spec, source: "w.walk").legs[0]
    #expect(throws: PathError.unknownFunctionNames(["b", "b_old", "b_older"], walkthrough: "w")) {
      try leg.resolveStops(walkthrough: "w") { $0.hasPrefix("b") ? nil : SymbolID($0) }
    }
    #expect(throws: PathError.unknownFunction("d", walkthrough: "w")) {
      try leg.resolveStops(walkthrough: "w") { $0 == "d" ? nil : SymbolID($0) }
    }
    let message = PathError.unknownFunctionNames(["__netif_rx", "netif_rx"], walkthrough: "tcp-ipv4").description
    #expect(message == "walkthrough tcp-ipv4 names __netif_rx (also called netif_rx), and no indexed file defines any "
      + "of these: check the names or index the file that defines it")
  }
}
