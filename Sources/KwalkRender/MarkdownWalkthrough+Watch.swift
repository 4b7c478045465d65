import KwalkCore
import KwalkGraph

extension MarkdownWalkthrough {
  /// A step's "Tune", "Watch" and "Drops" lists.
  static func watch(_ w: HopObservations, place: (String, Int) -> String) -> String {
    var out = ""
    if !w.tunables.isEmpty {
      out += "**Tune**\n\n"
      for t in w.tunables {
        out +=
          "- `\(t.name)`" + (t.defaultValue.map { " (default `\($0)`)" } ?? "")
          + (t.perNamespace ? ", per network namespace" : "")
          + ": `\(t.storage)` read in `\(t.function)` at \(place(t.read.file, t.read.line))\n"
      }
      out += "\n"
    }
    if !w.counters.isEmpty {
      out += "**Watch**\n\n"
      for c in w.counters {
        out +=
          "- `\(c.name)`" + (c.file.isEmpty ? " (device statistics)" : " in `\(c.file)`")
          + (c.placement == .mainLine ? "" : " (in a branch)")
          + ": `\(c.via)` in `\(c.function)` at \(place(c.at.file, c.at.line))\n"
      }
      out += "\n"
    }
    if !w.drops.isEmpty {
      out += "**Drops**\n\n"
      for d in w.drops {
        out += "- `\(d.call)` in `\(d.function)` at \(place(d.at.file, d.at.line))"
        if !d.reasons.isEmpty { out += ", reasons " + d.reasons.map { "`\($0.name)`" }.joined(separator: ", ") }
        if !d.counters.isEmpty { out += "; counted by " + d.counters.map { "`\($0.name)`" }.joined(separator: ", ") }
        out += "\n"
      }
      out += "\n"
    }
    return out
  }

  /// "What to watch on this path" for one leg.
  static func watchTable(_ leg: SiteModel.Leg, place: (String, Int) -> String) -> String {
    var rows: [String] = []
    let entry = leg.entryWatch.map { [("entry `\($0.function)`", $0)] } ?? []
    let steps = leg.steps.enumerated().compactMap { i, step in step.watch.map { ("\(i + 1). `\(step.hop.callee)`", $0) } }
    for (s, w) in entry + steps {
      for t in w.tunables { rows.append("| \(s) | tune | `\(t.name)` \(place(t.read.file, t.read.line)) |") }
      for c in w.counters where c.placement == .mainLine {
        rows.append("| \(s) | watch | `\(c.name)` \(c.file) \(place(c.at.file, c.at.line)) |")
      }
      for d in w.drops { rows.append("| \(s) | drop | `\(d.call)` \(place(d.at.file, d.at.line)) |") }
    }
    guard !rows.isEmpty else { return "" }
    return "### What to watch on this path\n\n| step | what | name and source |\n|---|---|---|\n"
      + rows.joined(separator: "\n") + "\n\n"
  }
}
