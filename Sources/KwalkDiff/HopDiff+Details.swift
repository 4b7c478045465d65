extension HopDiff {
  /// The changes at this position as labelled one-line facts, in a fixed order, shared by the text and Markdown
  /// reports.
  public var details: [(label: String, text: String)] {
    var out: [(String, String)] = []
    for h in old { out.append(("old", Self.describe(h))) }
    for h in new { out.append(("new", Self.describe(h))) }
    if let k = kind { out.append(("kind", "\(k.old) → \(k.new)")) }
    for s in signatures {
      let isField = s.subject == "field"
      out.append((isField ? "field type" : "signature", "\(isField ? s.name + ": " : "")\(s.old) → \(s.new)"))
    }
    if let b = binding {
      if let o = b.oldField, let n = b.newField { out.append(("binding struct", "\(o) → \(n)")) }
      if let f = b.formChanged { out.append(("binding form", f)) }
      for m in b.moved { out.append(("binding moved", m)) }
      for s in b.old { out.append(("old binding", Self.describe(s))) }
      for s in b.new { out.append(("new binding", Self.describe(s))) }
      if !b.candidatesGained.isEmpty || !b.candidatesLost.isEmpty {
        let parts = b.candidatesGained.map { "+" + $0 } + b.candidatesLost.map { "-" + $0 }
        out.append(("candidates", parts.joined(separator: " ")))
      }
    }
    if let t = tracepoints {
      let parts = t.added.map { "+" + $0 } + t.removed.map { "-" + $0 } + t.movedHere.map { "moved here: " + $0 }
        + t.movedAway.map { "moved away: " + $0 }
      out.append(("tracepoints", parts.joined(separator: ", ")))
    }
    if let c = config {
      let parts =
        c.renamed.map { "\($0.old) → \($0.new)" } + c.appeared.map { "+" + $0 } + c.disappeared.map { "-" + $0 }
      out.append(("config", parts.joined(separator: ", ")))
    }
    for m in macroConfigs {
      let c = m.change
      let parts =
        c.renamed.map { "\($0.old) → \($0.new)" } + c.appeared.map { "+" + $0 } + c.disappeared.map { "-" + $0 }
      let at = m.oldDefinition == m.newDefinition ? m.newDefinition : "\(m.oldDefinition) → \(m.newDefinition)"
      let through = m.through.isEmpty ? "" : ", used by " + m.through.reversed().joined(separator: " in ")
      out.append(("macro config", "\(m.macro)\(through) (defined at \(at)): " + parts.joined(separator: ", ")))
    }
    if let b = body { out.append(("body", b.headline)) }
    return out
  }

  public static func describe(_ h: HopRef) -> String {
    let via = h.via.map { " via " + $0 } ?? ""
    return "\(h.caller) → \(h.callee)  \(h.kind)\(via)  at \(h.callsite), defined at \(h.definition)"
  }

  public static func describe(_ s: BindingChange.Site) -> String {
    "\(s.location) \(s.form)\(s.container.map { " in " + $0 } ?? ""): \(s.text)"
  }
}

extension BodyDiff {
  /// `+3 -1 lines, touches the path` (or `off the path`), with both definitions when they differ in name.
  public var headline: String {
    let names = old == new ? old : "\(old) → \(new)"
    return "\(names): +\(added) -\(removed) lines, \(touchesPath ? "touches the path" : "off the path")"
  }
}

extension BodyLine {
  /// `+    41   42 ▶ text`: the operation, the old and new line numbers, a mark on the path's own calls, the text.
  public var rendered: String {
    let mark: String
    switch op {
    case .same: mark = " "
    case .added: mark = "+"
    case .removed: mark = "-"
    case .moved: mark = "~"
    }
    func column(_ n: Int?) -> String {
      let s = n.map(String.init) ?? ""
      return String(repeating: " ", count: max(0, 5 - s.count)) + s
    }
    return "\(mark)\(column(oldLine))\(column(newLine)) \(onPath ? "▶" : " ") \(text)"
  }
}
