import Foundation

extension PathDiff {
  /// A release note: a table of the changed steps per leg, then each step's facts and body diffs.
  public var markdown: String {
    var out = "# \(walkthrough): Linux \(from) → \(to)\n\n"
    out += "Summary: \(summary.line).\n"
    for leg in legs {
      let changed = leg.changedHops
      out += "\n## \(leg.direction) (\(leg.oldHops) → \(leg.newHops) hops)\n\n"
      if let r = leg.runs {
        out += "How the softirq runs: \(Self.cell(r.headline)).\n\n- \(from): "
          + r.old.map { "`\($0)`" }.joined(separator: " → ") + "\n- \(to): " + r.new.map { "`\($0)`" }.joined(separator: " → ")
          + "\n\n"
      }
      if changed.isEmpty && leg.entryBody == nil {
        out += "No step changed.\n"
        continue
      }
      out += "| step | change | \(from) | \(to) |\n|---|---|---|---|\n"
      for h in changed {
        let o = h.old.map { "`\($0.callee)` \($0.definition)" }.joined(separator: "<br>")
        let n = h.new.map { "`\($0.callee)` \($0.definition)" }.joined(separator: "<br>")
        out += "| \(Self.cell(h.title)) | \(Self.kinds(h)) | \(o.isEmpty ? "—" : o) | \(n.isEmpty ? "—" : n) |\n"
      }
      if let b = leg.entryBody { out += "\n### entry \(Self.cell(b.new))\n\n" + Self.bodyMarkdown(b) }
      for h in changed {
        out += "\n### \(h.title)\n\n"
        for d in h.details where d.label != "body" { out += "- **\(d.label)**: \(Self.cell(d.text))\n" }
        if let b = h.body { out += "\n" + Self.bodyMarkdown(b) }
      }
      if !leg.watch.isEmpty {
        out += "\nWhat to watch and tune changed:\n\n" + leg.watch.map { "- `\($0.function)`: \(Self.cell($0.changes))\n" }.joined()
      }
      if leg.events.isChanged {
        out += "\nTracepoints a trace prints: " + leg.events.steps.map { s in
          s.op == "=" ? "`\(s.event)`" : s.op == "+" ? "**+`\(s.event)`**" : "~~`\(s.event)`~~"
        }.joined(separator: " → ") + "\n"
      }
    }
    if !annotationDrift.isEmpty {
      out += "\n## Annotations\n\n| id | \(from) | \(to) | why |\n|---|---|---|---|\n"
      for a in annotationDrift {
        out += "| \(Self.cell(a.id)) | \(a.oldStatus) \(a.oldLocation ?? "") | \(a.newStatus) \(a.newLocation ?? "") | "
          + "\(Self.cell(a.detail)) |\n"
      }
    }
    return out
  }

  /// The change kinds present at a position, for the table.
  static func kinds(_ h: HopDiff) -> String {
    var k: [String] = h.relation == .same ? [] : [h.relation.rawValue]
    if h.kind != nil { k.append("kind") }
    if !h.signatures.isEmpty { k.append("signature") }
    if h.binding != nil { k.append("binding") }
    if h.tracepoints != nil { k.append("tracepoints") }
    if h.config != nil { k.append("config") }
    if !h.macroConfigs.isEmpty { k.append("macro config") }
    if let b = h.body { k.append(b.touchesPath ? "body (on the path)" : "body") }
    return k.joined(separator: ", ")
  }

  /// Text safe inside a table cell.
  static func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }

  static func bodyMarkdown(_ b: BodyDiff) -> String {
    var out = "\(cell(b.headline)); ▶ marks the path's own calls.\n\n```diff\n"
    for (i, h) in b.hunks.enumerated() {
      if i > 0 { out += "@@\n" }
      for l in h { out += l.rendered + "\n" }
    }
    return out + "```\n"
  }
}
