import KwalkDiff

extension HomePage {
  /// The path across the site's kernels: one row per walkthrough and leg, one column per kernel, each cell the leg's
  /// hop count (linked to its page) and, from the second kernel on, what changed since the kernel before (linked to
  /// the leg on that diff page, and to the leg's rows on the history page).
  static func historyTable(_ model: SiteModel, page: String) -> HTMLNode? {
    guard !model.histories.isEmpty else { return nil }
    let head = HTMLNode.tag(
      "tr", [:], [.textTag("th", "walkthrough"), .textTag("th", "leg")] + model.kernels.map { .textTag("th", $0.version) })
    var rows: [HTMLNode] = []
    for h in model.histories {
      for leg in h.legs {
        var cells: [HTMLNode] = [
          .tag("td", [:], [.code(h.walkthrough)]),
          .tag(
            "td", [:],
            [
              .link(
                SitePaths.relative(
                  from: page, to: SitePaths.history, fragment: "history-\(h.walkthrough)-\(leg.direction)"),
                leg.direction)
            ]),
        ]
        for (k, kernel) in model.kernels.enumerated() {
          cells.append(cell(leg: leg, k: k, kernel: kernel, history: h, model: model, page: page))
        }
        rows.append(.tag("tr", [:], cells))
      }
    }
    return .tag(
      "section", ["class": "history", "id": "history"],
      [
        .textTag("h2", "The path across versions"),
        .textTag(
          "p",
          "Hops per leg in each kernel, and what changed since the kernel before: renamed, split or merged functions, "
            + "a different kind of call, binding, tracepoints, config guards, signature or body. Each change links to "
            + "its entries on the diff page."),
        .tag("table", class: "history", [.tag("thead", [:], [head]), .tag("tbody", [:], rows)]),
      ])
  }

  /// One kernel's cell: `14 hops` and, after the first kernel, `3 changed: renamed, body` or `unchanged`.
  static func cell(
    leg: PathHistory.Leg, k: Int, kernel: SiteModel.Kernel, history h: PathHistory, model: SiteModel, page: String
  ) -> HTMLNode {
    let hops = leg.rows.filter { $0.hops.count > k && $0.hops[k] != nil }.count
    guard hops > 0 else { return .tag("td", class: "absent", [.text("—")]) }
    let walk = SitePaths.walkthrough(kernel: kernel.label, name: h.walkthrough, direction: leg.direction)
    var parts: [HTMLNode] = [.link(SitePaths.relative(from: page, to: walk), "\(hops) hops")]
    guard k > 0 else { return .tag("td", class: "same", parts) }
    var kinds: [String] = []
    var changed = 0
    for row in leg.rows {
      var what = row.cells[k]?.changes ?? []
      if row.cells[k] == nil, row.cells[k - 1] != nil { what = ["removed"] }
      if !what.isEmpty { changed += 1 }
      for w in what where !kinds.contains(w) { kinds.append(w) }
    }
    parts.append(.tag("br", [:], []))
    guard changed > 0 else {
      parts.append(.text("unchanged"))
      return .tag("td", class: "same", parts)
    }
    let text = "\(changed) changed: " + kinds.joined(separator: ", ")
    if let diff = model.versionDiff(from: model.kernels[k - 1].label, to: kernel.label),
      diff.diffs.contains(where: { d in
        d.walkthrough == h.walkthrough && d.legs.contains { $0.direction == leg.direction }
      })
    {
      let fragment = DiffPage.legAnchor(walkthrough: h.walkthrough, direction: leg.direction)
      parts.append(.link(SitePaths.relative(from: page, to: diff.page, fragment: fragment), text))
    } else {
      parts.append(.text(text))
    }
    return .tag("td", class: "changed", parts)
  }
}
