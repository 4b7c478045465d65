import KwalkDiff

/// A walkthrough's path across versions as HTML (`kwalk history --format html`): per leg, a table with one row per
/// logical hop and one column per version; a changed cell is marked and links to its entry of the pairwise diff page
/// (`diff/<from>-<to>.html#<anchor>`, as the site names it).
public enum HistoryPage {
  /// The table of one history, relative to a page at `page` in the site.
  public static func tables(_ h: PathHistory, page: String) -> [HTMLNode] {
    h.legs.map { leg in
      let head = HTMLNode.tag(
        "tr", [:], [.textTag("th", "#")] + h.kernels.map { .textTag("th", $0) })
      let rows = leg.rows.enumerated().map { r, row in
        HTMLNode.tag(
          "tr", [:],
          [.textTag("td", "\(r + 1)")]
            + row.cells.enumerated().map { k, c in cell(c, k: k, history: h, page: page) })
      }
      return .tag(
        "section", ["class": "history", "id": "history-\(h.walkthrough)-\(leg.direction)"],
        [
          .textTag("h2", "\(h.walkthrough) \(leg.direction)"),
          .tag("table", class: "history", [.tag("thead", [:], [head]), .tag("tbody", [:], rows)]),
        ])
    }
  }

  static func cell(_ c: PathHistory.Cell?, k: Int, history h: PathHistory, page: String) -> HTMLNode {
    guard let c else { return .tag("td", class: "absent", [.text("—")]) }
    var parts: [HTMLNode] = [.code(c.callee), .text(" \(c.kind)")]
    if let via = c.via { parts += [.tag("br", [:], []), .text("via "), .code(via)] }
    if let b = c.binding { parts += [.tag("br", [:], []), .text("bound: "), .code(b)] }
    if !c.tracepoints.isEmpty {
      parts += [.tag("br", [:], []), .text("fires: " + c.tracepoints.joined(separator: ", "))]
    }
    if !c.changes.isEmpty, k > 0 {
      let what = c.changes.joined(separator: ", ")
      let target = SitePaths.relative(from: page, to: h.diffPage(into: k))
      parts += [
        .tag("br", [:], []),
        c.diffAnchor.map { .link(target + "#" + $0, [.tag("strong", [:], [.text(what)])]) }
          ?? .tag("strong", [:], [.text(what)]),
      ]
    }
    return .tag("td", class: c.changes.isEmpty || k == 0 ? "same" : "changed", parts)
  }

  /// The site's page (`history.html`): every walkthrough's tables, each changed cell linking to its diff entry.
  static func render(_ model: SiteModel) -> String {
    let page = SitePaths.history
    let title = "The path across Linux " + model.kernels.map(\.version).joined(separator: ", ")
    return PageLayout.document(
      page: page, title: title, crumbs: [("History", nil)],
      body: [.textTag("h1", title)] + model.histories.flatMap { tables($0, page: page) })
  }

  /// The standalone page for one or more walkthroughs.
  public static func render(_ histories: [PathHistory]) -> String {
    let title = "History of " + histories.map(\.walkthrough).joined(separator: ", ")
    return PageLayout.standalone(
      title: title, body: [.textTag("h1", title)] + histories.flatMap { tables($0, page: "history.html") })
  }
}
