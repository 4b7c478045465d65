import KwalkDiff

extension DiffPage {
  /// A body diff in two columns, old and new, each a block of source lines. Within a change, removed lines face
  /// added ones row by row and the shorter side gets empty filler lines, so the columns line up when side by side.
  func bodyDiff(_ b: BodyDiff) -> HTMLNode {
    var left: [HTMLNode] = []
    var right: [HTMLNode] = []
    let oldFile = Self.file(of: b.old)
    let newFile = Self.file(of: b.new)
    for (i, hunk) in b.hunks.enumerated() {
      if i > 0 {
        left.append(gap())
        right.append(gap())
      }
      var l: [BodyLine] = []
      var r: [BodyLine] = []
      func flush() {
        for k in 0..<max(l.count, r.count) {
          left.append(k < l.count ? line(l[k], number: l[k].oldLine, file: oldFile, site: old) : filler())
          right.append(k < r.count ? line(r[k], number: r[k].newLine, file: newFile, site: new) : filler())
        }
        l = []
        r = []
      }
      for x in hunk {
        switch x.op {
        case .same:
          flush()
          l.append(x)
          r.append(x)
          flush()
        case .removed: l.append(x)
        case .added: r.append(x)
        case .moved: if x.oldLine != nil { l.append(x) } else { r.append(x) }
        }
      }
      flush()
    }
    return .tag(
      "div", class: "body-diff",
      [
        .textTag("p", b.headline, class: "headline"),
        .tag(
          "div", class: "body-sides",
          [column(left, caption: b.old, cls: "old"), column(right, caption: b.new, cls: "new")]),
      ])
  }

  /// `net/core/dev.c` from `dev_queue_xmit at net/core/dev.c:4140`.
  static func file(of function: String) -> String? {
    guard let at = function.range(of: " at ", options: .backwards) else { return nil }
    let place = function[at.upperBound...]
    return place.lastIndex(of: ":").map { String(place[..<$0]) }
  }

  /// One version's lines under a caption naming the function and where it is defined.
  func column(_ lines: [HTMLNode], caption: String, cls: String) -> HTMLNode {
    var code: [HTMLNode] = []
    for (i, l) in lines.enumerated() {
      if i > 0 { code.append(.text("\n")) }
      code.append(l)
    }
    return .tag(
      "figure", class: "body-side \(cls)",
      [.textTag("figcaption", caption), .tag("pre", class: "source", [.tag("code", [:], code)])])
  }

  /// One line: its number (a link to the source page line in the site), `+`/`-`/`~` and `▶` for the path's own
  /// calls, so neither change nor path is shown by colour alone, then the text.
  func line(_ l: BodyLine, number: Int?, file: String?, site: DiffSiteSide?) -> HTMLNode {
    let op: String
    switch l.op {
    case .same: op = " "
    case .added: op = "+"
    case .removed: op = "-"
    case .moved: op = "~"
    }
    let cls = ["line", l.op == .same ? nil : l.op.rawValue, l.onPath ? "path" : nil].compactMap { $0 }
    var num: HTMLNode = .textTag("span", number.map(String.init) ?? "", class: "ln")
    if let number, let file, let site, let (target, _) = site.source("\(file):\(number)") {
      let href = SitePaths.relative(from: page, to: target, fragment: SitePaths.lineAnchor(number))
      num = .link(href, String(number), class: "ln")
    }
    return .tag(
      "span", class: cls.joined(separator: " "),
      [num, .textTag("span", op + (l.onPath ? "▶" : " "), class: "op"), .text(l.text)])
  }

  /// An empty line facing a line only the other version has; hatched, so it reads as "nothing here".
  func filler() -> HTMLNode { .tag("span", class: "line filler", []) }

  /// The lines skipped between two hunks.
  func gap() -> HTMLNode { .tag("span", class: "line gap", [.textTag("span", "…", class: "ln")]) }
}
