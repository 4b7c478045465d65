extension DotWriter {
  /// Graphviz text for one leg as the site draws it: each function a node linking to the step that reaches it
  /// (the entry to step 1), each hop an edge styled by kind and labelled with it, linking to its step.
  public static func siteDot(_ path: PacketPath) -> String {
    var lines = [
      "digraph \"\(escape(path.walkthrough + "-" + path.direction))\" {",
      "  graph [rankdir=TB, bgcolor=\"transparent\", nodesep=0.25, ranksep=0.3];",
      "  node [shape=box, style=\"rounded\", fontname=\"monospace\", fontsize=10, height=0.3];",
      "  edge [fontname=\"sans-serif\", fontsize=8, arrowsize=0.7];",
    ]
    var step: [String: Int] = [:]
    for (i, h) in path.hops.enumerated() {
      if step[h.caller] == nil { step[h.caller] = i + 1 }
      if step[h.callee] == nil { step[h.callee] = i + 1 }
    }
    var seen: Set<String> = []
    for f in path.functions where seen.insert(f).inserted {
      let n = step[f] ?? 1
      lines.append(
        "  \"\(escape(f))\" [URL=\"#step-\(n)\", tooltip=\"step \(n): \(escape(f))\", "
          + "class=\"fn\"];")
    }
    var edges: Set<String> = []
    for (i, h) in path.hops.enumerated() {
      let key = "\(h.caller)\u{1}\(h.callee)"
      guard edges.insert(key).inserted else { continue }
      lines.append(
        "  \"\(escape(h.caller))\" -> \"\(escape(h.callee))\" [\(style(h.kind)), label=\" \(h.kind.rawValue)\", "
          + "URL=\"#step-\(i + 1)\", tooltip=\"step \(i + 1): \(h.kind.rawValue)\", "
          + "class=\"kind-\(h.kind.rawValue)\"];")
    }
    lines.append("}")
    return lines.joined(separator: "\n") + "\n"
  }
}
