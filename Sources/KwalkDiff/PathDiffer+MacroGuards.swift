import KwalkCore
import KwalkGraph

extension PathDiffer {
  /// The change of the guards around the `#define` of the macro both versions' hops go through, when both name a
  /// definition and its `#if CONFIG_…` nesting differs. The guards are read from each tree's text
  /// (`ConditionalBlocks`), like the call's own; a hop that reaches a macro in one version only is a kind change.
  func macroConfigChange(_ a: Hop, _ b: Hop) -> MacroConfigChange? {
    guard let od = a.macroDefinition, let nd = b.macroDefinition,
      let og = Self.guards(at: od, in: old.sources), let ng = Self.guards(at: nd, in: new.sources),
      let change = Self.configChange(old: og, new: ng)
    else { return nil }
    return MacroConfigChange(
      macro: Self.macroName(b) ?? Self.macroName(a) ?? "", oldDefinition: "\(od.file):\(od.line)",
      newDefinition: "\(nd.file):\(nd.line)", change: change)
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
