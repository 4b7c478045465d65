import KwalkCore

extension WalkthroughSpec.Leg {
  /// Splits written waypoints (`a | b`, `a?`) into first names, other names and the optional ones.
  static func waypoints(_ written: [String]) -> (names: [String], aliases: [String: [String]], optional: Set<String>) {
    var names: [String] = []
    var aliases: [String: [String]] = [:]
    var optional: Set<String> = []
    for w in written {
      var text = w.trimmingCharacters(in: .whitespaces)
      let isOptional = text.hasSuffix("?")
      if isOptional { text = String(text.dropLast()) }
      let all = text.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
      guard let first = all.first else { continue }
      names.append(first)
      if all.count > 1 { aliases[first] = Array(all.dropFirst()) }
      if isOptional { optional.insert(first) }
    }
    return (names, aliases, optional)
  }

  /// A stop's names: the one the spec uses first, then those it had in other versions.
  public func names(of stop: String) -> [String] { [stop] + (aliases[stop] ?? []) }

  /// The stops in order as one kernel has them: each with the first of its names that `resolve` finds; an optional
  /// waypoint no name of which is found is left out.
  public func resolveStops(walkthrough: String, _ resolve: (String) -> SymbolID?) throws -> [PacketPath.Stop] {
    try self.resolve(stops, walkthrough: walkthrough, resolve)
  }

  /// The stops of the `runs:` chain as one kernel has them, like `resolveStops`.
  public func resolveRuns(walkthrough: String, _ resolve: (String) -> SymbolID?) throws -> [PacketPath.Stop] {
    try self.resolve(runs, walkthrough: walkthrough, resolve)
  }

  func resolve(_ written: [String], walkthrough: String, _ resolve: (String) -> SymbolID?) throws -> [PacketPath.Stop] {
    var out: [PacketPath.Stop] = []
    for stop in written {
      let names = names(of: stop)
      var found: (String, SymbolID)?
      for n in names where found == nil {
        if let id = resolve(n) { found = (n, id) }
      }
      if let (used, id) = found {
        out.append(PacketPath.Stop(name: stop, used: used, id: id))
      } else if optional.contains(stop) {
        out.append(PacketPath.Stop(name: stop, used: nil, id: nil))
      } else if names.count > 1 {
        throw PathError.unknownFunctionNames(names, walkthrough: walkthrough)
      } else {
        throw PathError.unknownFunction(stop, walkthrough: walkthrough)
      }
    }
    return out
  }
}
