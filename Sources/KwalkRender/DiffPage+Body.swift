import KwalkDiff

extension DiffPage {
  /// A body diff in two columns: unchanged lines on both sides, removed lines left, added lines right, paired row
  /// by row within a change.
  static func bodyTable(_ b: BodyDiff, from: String, to: String) -> String {
    var out = "<p>\(escape(b.headline)); bold lines are the path's own calls.</p>\n"
    out += "<table class=\"code\"><tr><th></th><th>\(escape(from))</th><th></th><th>\(escape(to))</th></tr>\n"
    for (i, hunk) in b.hunks.enumerated() {
      if i > 0 { out += "<tr><td class=\"num\">…</td><td></td><td class=\"num\">…</td><td></td></tr>\n" }
      var left: [BodyLine] = []
      var right: [BodyLine] = []
      func flush() {
        for k in 0..<max(left.count, right.count) {
          out += row(k < left.count ? left[k] : nil, k < right.count ? right[k] : nil)
        }
        left = []
        right = []
      }
      for l in hunk {
        switch l.op {
        case .same:
          flush()
          out += row(l, l)
        case .removed: left.append(l)
        case .added: right.append(l)
        case .moved: if l.oldLine != nil { left.append(l) } else { right.append(l) }
        }
      }
      flush()
    }
    return out + "</table>\n"
  }

  /// One row: the old line (number, text) and the new line.
  static func row(_ a: BodyLine?, _ b: BodyLine?) -> String {
    func cells(_ l: BodyLine?, number: Int?) -> String {
      guard let l else { return "<td class=\"num\"></td><td></td>" }
      let cls = [l.op == .same ? nil : l.op.rawValue, l.onPath ? "path" : nil].compactMap { $0 }.joined(separator: " ")
      return "<td class=\"num\">\(number.map(String.init) ?? "")</td>"
        + "<td class=\"\(cls)\">\(escape(l.text))</td>"
    }
    return "<tr>" + cells(a, number: a?.oldLine) + cells(b, number: b?.newLine) + "</tr>\n"
  }
}
