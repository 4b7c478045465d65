import KwalkAnnotate
import KwalkCore

/// The annotation drift report as a page of the site: counts per status per kernel, then one row per annotation per
/// kernel with its status (word and colour), where it landed (a link to the source line when the site has the
/// file), and for `changed` anchors the quote as written and the statement found instead.
public enum DriftReportPage {
  /// Site path of the page.
  public static let page = "annotations.html"

  /// The id of an annotation's row for one kernel.
  public static func rowAnchor(kernel: String, id: String) -> String { "note-\(kernel)-\(id)" }

  static func render(_ model: SiteModel) -> String {
    let kernels = model.kernels.filter { $0.annotationReport != nil }
    var body: [HTMLNode] = [
      .textTag("h1", "Annotation drift"),
      .textTag(
        "p",
        "Each annotation is anchored to a function and, optionally, to a quote inside it, and placed again in every "
          + "kernel: exact (found as recorded), moved (found on other lines or in another file), changed (the quote "
          + "is gone but a clearly similar statement is left), orphaned (nothing similar is left) or ambiguous "
          + "(found more than once; kwalk does not guess).",
        class: "lead"),
      counts(kernels),
    ]
    body.append(
      .tag(
        "p", [:],
        [.link(SitePaths.relative(from: page, to: SitePaths.driftMarkdown), "The same report as Markdown")]))
    for k in kernels { body.append(section(k)) }
    return PageLayout.document(page: page, title: "Annotation drift", crumbs: [("Annotation drift", nil)], body: body)
  }

  /// One row per kernel, one column per status.
  static func counts(_ kernels: [SiteModel.Kernel]) -> HTMLNode {
    let head: [HTMLNode] =
      [.textTag("th", "kernel")]
      + AnchorStatus.allCases.map { .tag("th", [:], [badge($0.rawValue)]) } + [.textTag("th", "all")]
    let rows = kernels.compactMap { k -> HTMLNode? in
      guard let r = k.annotationReport else { return nil }
      let cells: [HTMLNode] =
        [.tag("td", [:], [.link("#linux-\(k.label)", "Linux \(k.version)")])]
        + r.counts.map { .textTag("td", String($0.1), class: "n") }
        + [.textTag("td", String(r.entries.count), class: "n")]
      return .tag("tr", [:], cells)
    }
    // Seven columns: on a phone the table scrolls sideways rather than breaking words.
    return .tag(
      "div", class: "table-scroll",
      [.tag("table", class: "counts", [.tag("thead", [:], [.tag("tr", [:], head)]), .tag("tbody", [:], rows)])])
  }

  /// A status as a coloured word.
  static func badge(_ status: String) -> HTMLNode { .textTag("span", status, class: "badge status-\(status)") }

  /// Every annotation placed in one kernel.
  static func section(_ k: SiteModel.Kernel) -> HTMLNode {
    let entries = k.annotationReport?.entries ?? []
    let head = HTMLNode.tag(
      "thead", [:], [.tag("tr", [:], ["status", "annotation", "location", "why"].map { .textTag("th", $0) })])
    let rows = entries.map { e -> HTMLNode in
      var why: [HTMLNode] = [.text(e.detail)]
      if e.status == .changed {
        why.append(
          .tag(
            "dl", class: "was-now",
            [
              .textTag("dt", "was"), .tag("dd", [:], [.code(CTokens(e.annotation.quote ?? "").folded)]),
              .textTag("dt", "now"), .tag("dd", [:], [.code(e.foundText ?? "")]),
            ]))
      }
      return .tag(
        "tr", ["id": rowAnchor(kernel: k.label, id: e.annotation.id)],
        [
          .tag("td", [:], [badge(e.status.rawValue)]),
          .tag(
            "td", [:],
            [.code(e.annotation.id), .tag("br"), .textTag("span", e.annotation.origin, class: "origin meta")]),
          .tag("td", [:], [location(e.location, kernel: k)]),
          .tag("td", [:], why),
        ])
    }
    return .tag(
      "section", ["class": "kernel", "id": "linux-\(k.label)"],
      [
        .textTag("h2", "Linux \(k.version): \(entries.count) annotations"),
        .tag("table", class: "drift", [head, .tag("tbody", [:], rows)]),
      ])
  }

  /// `file:line` linked to its source page, plain when the site has no page for the file, `nowhere` when unplaced.
  static func location(_ at: SourceLocation?, kernel: SiteModel.Kernel) -> HTMLNode {
    guard let at else { return .textTag("span", "nowhere", class: "meta") }
    return kernel.place(at.path, at.line, from: page)
  }
}
