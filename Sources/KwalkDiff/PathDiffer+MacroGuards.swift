import KwalkCore
import KwalkGraph

extension PathDiffer {
  /// The changes of the guards around the `#define`s of the macros both versions' hops go through: the call's own
  /// macro (when both hops name a definition), then each macro its body uses as `MacroChain` follows them, paired by
  /// name. The guards are read from each tree's text (`ConditionalBlocks`), like the call's own; a hop that reaches a
  /// macro in one version only is a kind change, and a macro only one version's chain reaches is not compared.
  /// A change equal to one already reported for a macro earlier in the chain is not repeated: `INDIRECT_CALL_1` under
  /// the same `#ifdef` as the `INDIRECT_CALL_2` that uses it adds nothing.
  func macroConfigChanges(_ a: Hop, _ b: Hop) -> [MacroConfigChange] {
    guard let od = a.macroDefinition, let nd = b.macroDefinition else { return [] }
    let oldName = Self.macroName(a) ?? ""
    let newName = Self.macroName(b) ?? oldName
    let oldLinks = oldMacros.links(from: oldName, at: od, in: old.sources)
    let newLinks = newMacros.links(from: newName, at: nd, in: new.sources)
    var out: [MacroConfigChange] = []
    for (i, n) in newLinks.enumerated() {
      // The call's own macros pair whatever their names; the rest by name.
      guard let o = i == 0 ? oldLinks.first : oldLinks.dropFirst().first(where: { $0.name == n.name }),
        let og = Self.guards(at: o.definition, in: old.sources), let ng = Self.guards(at: n.definition, in: new.sources),
        let change = Self.configChange(old: og, new: ng), !out.contains(where: { $0.change == change })
      else { continue }
      out.append(
        MacroConfigChange(
          macro: n.name.isEmpty ? o.name : n.name, oldDefinition: "\(o.definition.file):\(o.definition.line)",
          newDefinition: "\(n.definition.file):\(n.definition.line)", change: change, through: n.through))
    }
    return out
  }

  /// The config conditions in force on a definition's line; nil when the file cannot be read.
  static func guards(at place: Hop.Place, in files: SourceFiles) -> [String]? {
    guard let text = files.text(SourcePath(place.file)) else { return nil }
    return ConditionalBlocks(text: text).conditions(atLine: place.line)
  }

  /// The macro a hop goes through: its `via` for a macro hop, else the call's leading identifier
  /// (`INDIRECT_CALL_INET(…)` around a pointer call).
  static func macroName(_ h: Hop) -> String? {
    if h.kind == .macro { return h.via }
    let name = h.expression.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
    return name.isEmpty ? nil : String(name)
  }
}
