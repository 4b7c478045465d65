/// Graphviz text for a walkthrough's paths: one node per function, edge style by kind.
public enum DotWriter {
  public static func dot(name: String, paths: [PacketPath], link: ((String) -> String?)? = nil) -> String {
    var lines = ["digraph \"\(escape(name))\" {", "  rankdir=TB;", "  node [shape=box, fontname=\"monospace\", fontsize=10];"]
    var nodes: [String] = []
    var seen: Set<String> = []
    for p in paths {
      for f in p.functions where seen.insert(f).inserted { nodes.append(f) }
    }
    for n in nodes {
      let url = link?(n).map { ", URL=\"\(escape($0))\"" } ?? ""
      lines.append("  \"\(escape(n))\" [id=\"fn-\(escape(n))\"\(url)];")
    }
    var edges: Set<String> = []
    for p in paths {
      for h in p.hops {
        let line = "  \"\(escape(h.caller))\" -> \"\(escape(h.callee))\" [\(style(h.kind)), label=\"\(h.kind.rawValue)\"];"
        if edges.insert(line).inserted { lines.append(line) }
      }
    }
    lines.append("}")
    return lines.joined(separator: "\n") + "\n"
  }

  static func style(_ k: EdgeKind) -> String {
    switch k {
    case .direct: return "style=solid, color=\"#333333\""
    case .inline: return "style=dotted, color=\"#2b7a0b\""
    case .macro: return "style=dashed, color=\"#8a4b00\""
    case .pointer: return "style=bold, color=\"#1f5fbf\""
    case .softirq: return "style=\"bold,dashed\", color=\"#b00020\""
    }
  }

  static func escape(_ s: String) -> String {
    s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
  }
}
