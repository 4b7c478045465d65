extension PathHistory {
  /// Per leg, one line per row: the callee and kind in each version (`-` where it has no such hop, `*` where
  /// something changed since the version before), then one line per change naming the diff entry.
  public var text: String {
    var out = ""
    let width = 34
    func pad(_ s: String) -> String {
      s.count >= width ? String(s.prefix(width - 1)) + " " : s + String(repeating: " ", count: width - s.count)
    }
    for leg in legs {
      out += "# \(walkthrough) \(leg.direction): \(kernels.joined(separator: " → "))\n"
      out += "     " + kernels.map(pad).joined() + "\n"
      for (r, row) in leg.rows.enumerated() {
        let cells = row.cells.map { c in c.map { ($0.changes.isEmpty ? "" : "*") + "\($0.callee) \($0.kind)" } ?? "-" }
        out += String(repeating: " ", count: max(0, 3 - String(r + 1).count)) + "\(r + 1)  " + cells.map(pad).joined()
        out = String(out.reversed().drop { $0 == " " }.reversed()) + "\n"
        for (k, c) in row.cells.enumerated() {
          guard let c, !c.changes.isEmpty, k > 0 else { continue }
          let link = c.diffAnchor.map { " (\(diffPage(into: k))#\($0))" } ?? ""
          out += "       \(kernels[k]): \(c.changes.joined(separator: ", "))\(link)\n"
        }
      }
    }
    return out
  }

  /// A Markdown table per leg, one column per version; a changed cell links to its entry of the pairwise diff.
  public var markdown: String {
    var out = "# \(walkthrough) across \(kernels.joined(separator: ", "))\n"
    for leg in legs {
      out += "\n## \(leg.direction)\n\n| # | " + kernels.joined(separator: " | ") + " |\n"
      out += "|---|" + kernels.map { _ in "---|" }.joined() + "\n"
      for (r, row) in leg.rows.enumerated() {
        let cells = row.cells.enumerated().map { k, c -> String in
          guard let c else { return "—" }
          var s = "`\(c.callee)` \(c.kind)"
          if let b = c.binding { s += "<br>bound: `\(b.replacingOccurrences(of: "|", with: "\\|"))`" }
          if !c.tracepoints.isEmpty { s += "<br>fires: " + c.tracepoints.map { "`\($0)`" }.joined(separator: ", ") }
          if !c.changes.isEmpty, k > 0 {
            let what = c.changes.joined(separator: ", ")
            s += "<br>**" + (c.diffAnchor.map { "[\(what)](\(diffPage(into: k))#\($0))" } ?? what) + "**"
          }
          return s
        }
        out += "| \(r + 1) | " + cells.joined(separator: " | ") + " |\n"
      }
    }
    return out
  }
}
