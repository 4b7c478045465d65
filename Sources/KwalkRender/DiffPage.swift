import KwalkDiff

/// The HTML page of a path diff: per leg, each changed step with the old and new version side by side, body diffs
/// in two columns that stack on a narrow screen. Built from `HTMLNode`s like every page of the site.
///
/// In the site (`kwalk site` with two kernels) each entry links to both versions' walkthrough steps and source
/// lines; on its own (`kwalk diff --format html`) it carries the stylesheet inline and links only within itself.
public struct DiffPage {
  let diffs: [PathDiff]
  /// This page's site path; links are relative to it.
  let page: String
  /// The two kernels in the site; nil for the standalone page.
  let old: DiffSiteSide?
  let new: DiffSiteSide?
  /// Site path of the annotation drift page, when the site has it.
  let driftPage: String?

  /// The fragment a walkthrough step links to: `tcp-ipv4-send-ip_output` (unique on a page of several walkthroughs).
  public static func anchor(walkthrough: String, direction: String, callee: String) -> String {
    "\(walkthrough)-\(direction)-\(callee)"
  }

  /// The fragment of a leg's heading: `tcp-ipv4-send` (an entry's anchor adds its callee, so the two never meet).
  public static func legAnchor(walkthrough: String, direction: String) -> String { "\(walkthrough)-\(direction)" }

  /// The anchors of a leg's changed hops, in `changedHops` order: `anchor(…)`, with `-2`, `-3` … when a callee
  /// comes back later in the same leg.
  public static func anchors(walkthrough: String, leg: LegDiff) -> [String] {
    PathHistory.anchors(walkthrough: walkthrough, leg: leg)
  }

  /// Where the site keeps the page comparing two kernels: `diff/6.1-6.12.html`.
  public static func relativePath(fromLabel: String, toLabel: String) -> String { "diff/\(fromLabel)-\(toLabel).html" }

  /// The standalone page for one or more walkthroughs (`kwalk diff --format html`).
  public static func render(_ diffs: [PathDiff]) -> String {
    let page = DiffPage(diffs: diffs, page: "diff.html", old: nil, new: nil, driftPage: nil)
    return PageLayout.standalone(title: page.title, body: page.body())
  }

  /// The site's page for `diff`, linking into the kernels `model` holds.
  static func render(_ diff: SiteModel.VersionDiff, in model: SiteModel) -> String {
    let (o, n) = model.diffKernels(diff)
    let page = DiffPage(
      diffs: diff.diffs, page: diff.page, old: o.map(DiffSiteSide.init), new: n.map(DiffSiteSide.init),
      driftPage: model.kernels.contains { $0.annotationReport != nil } ? DriftReportPage.page : nil)
    let crumb = "Linux \(o?.version ?? diff.diffs.first?.from ?? "") → \(n?.version ?? diff.diffs.first?.to ?? "")"
    return PageLayout.document(page: diff.page, title: page.title, crumbs: [(crumb, nil)], body: page.body())
  }

  var title: String { diffs.first.map { "What changed on the path: Linux \($0.from) → \($0.to)" } ?? "kwalk diff" }

  /// The page's content: a title, what the page shows, then one section per walkthrough.
  func body() -> [HTMLNode] {
    var out: [HTMLNode] = [
      .textTag("h1", title),
      .textTag(
        "p",
        "Each walkthrough's path in both kernels, aligned hop by hop. Only the steps that changed are shown: the "
          + "old version on the left, the new one on the right (one above the other on a narrow screen). In body "
          + "diffs, lines marked ▶ and set in bold are the path's own calls.",
        class: "lead"),
    ]
    if diffs.count > 1 {
      out.append(
        .tag(
          "nav", ["class": "legs", "aria-label": "walkthroughs"],
          [.tag("ul", [:], diffs.map { .tag("li", [:], [.link("#" + $0.walkthrough, $0.walkthrough)]) })]))
    }
    for d in diffs { out.append(section(d)) }
    return out
  }

  /// One walkthrough: its summary, legs and annotation drift.
  func section(_ d: PathDiff) -> HTMLNode {
    var parts: [HTMLNode] = [
      .textTag("h2", d.walkthrough), .textTag("p", d.summary.line, class: "summary"),
    ]
    for leg in d.legs {
      parts.append(
        .tag(
          "h3", ["id": Self.legAnchor(walkthrough: d.walkthrough, direction: leg.direction)],
          [.text("\(leg.direction): \(leg.oldHops) → \(leg.newHops) hops, \(leg.changedHops.count) changed")]))
      if let r = leg.runs {
        parts.append(
          .tag(
            "section", class: "hop-diff",
            [
              .textTag("h4", "how the softirq runs"), .textTag("p", r.headline),
              .tag("p", [:], [.text("\(d.from): "), .code(r.old.joined(separator: " → "))]),
              .tag("p", [:], [.text("\(d.to): "), .code(r.new.joined(separator: " → "))]),
            ]))
      }
      if let b = leg.entryBody {
        parts.append(.tag("section", class: "hop-diff", [.textTag("h4", "entry function"), bodyDiff(b)]))
      }
      for (h, id) in zip(leg.changedHops, Self.anchors(walkthrough: d.walkthrough, leg: leg)) {
        parts.append(entry(h, id: id, walkthrough: d.walkthrough, direction: leg.direction, diff: d))
      }
      if !leg.watch.isEmpty {
        parts.append(
          .tag(
            "section", class: "hop-diff",
            [
              .textTag("h4", "what to watch and tune"),
              .tag("ul", [:], leg.watch.map { w in .tag("li", [:], [.code(w.function), .text(": " + w.changes)]) }),
            ]))
      }
      if leg.events.isChanged { parts.append(events(leg.events)) }
    }
    if !d.annotationDrift.isEmpty { parts.append(drift(d)) }
    return .tag("section", ["class": "diff", "id": d.walkthrough], parts)
  }

  /// The tracepoints a trace of the leg prints, each marked `+` (new only) or `-` (old only).
  func events(_ e: EventSequenceDiff) -> HTMLNode {
    var codes: [HTMLNode] = [.text("Tracepoints a trace prints: ")]
    for (i, s) in e.steps.enumerated() {
      if i > 0 { codes.append(.text(" ")) }
      let cls = s.op == "+" ? "ev added" : s.op == "-" ? "ev removed" : "ev"
      codes.append(.textTag("code", s.op == "=" ? s.event : s.op + s.event, class: cls))
    }
    return .tag("p", class: "events", codes)
  }
}
