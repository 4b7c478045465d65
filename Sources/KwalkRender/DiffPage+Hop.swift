import KwalkDiff

extension DiffPage {
  /// One changed position: what happened, both versions' hops side by side, the other facts, the body diff.
  func entry(_ h: HopDiff, id: String, walkthrough: String, direction: String, diff: PathDiff) -> HTMLNode {
    var parts: [HTMLNode] = [
      .tag(
        "h4", [:],
        [
          .textTag("span", h.relation.rawValue, class: "relation relation-\(h.relation.rawValue)"), .text(" "),
          .code(h.title),
        ]),
      .tag(
        "div", class: "sides",
        [
          side(h.old, site: old, version: diff.from, walkthrough: walkthrough, direction: direction, cls: "old"),
          side(h.new, site: new, version: diff.to, walkthrough: walkthrough, direction: direction, cls: "new"),
        ]),
    ]
    let facts = h.details.filter { !["old", "new", "body"].contains($0.label) }
    if !facts.isEmpty {
      parts.append(
        .tag("dl", class: "facts", facts.flatMap { [.textTag("dt", $0.label), .tag("dd", [:], [.text($0.text)])] }))
    }
    if let b = h.body { parts.append(bodyDiff(b)) }
    return .tag("section", ["class": "hop-diff", "id": id], parts)
  }

  /// One version's hops at a position, each with its call site and definition, linked into the site when it has
  /// that kernel.
  func side(
    _ refs: [HopRef], site: DiffSiteSide?, version: String, walkthrough: String, direction: String, cls: String
  ) -> HTMLNode {
    var parts: [HTMLNode] = [.textTag("p", "Linux \(version)", class: "side-label")]
    if refs.isEmpty { parts.append(.textTag("p", "not on the path", class: "none")) }
    for r in refs {
      var heading: [HTMLNode] = [
        .code(r.caller), .text(" → "), .code(r.callee), .text(" "),
        .textTag("span", r.kind, class: "kind kind-\(r.kind)"),
      ]
      if let site, let n = site.step(walkthrough: walkthrough, direction: direction, r) {
        let href = SitePaths.relative(
          from: page, to: site.walkthroughPage(walkthrough, direction: direction), fragment: SitePaths.stepAnchor(n))
        heading += [.text(" "), .link(href, "step \(n)", class: "step-link")]
      }
      let via: [HTMLNode] = r.via.map { [.text(" via "), .code($0)] } ?? []
      let facts: [HTMLNode] = [
        .textTag("dt", "call site"), .tag("dd", [:], [place(r.callsite, site)] + via),
        .textTag("dt", "definition"), .tag("dd", [:], [place(r.definition, site)]),
      ]
      parts.append(.tag("div", class: "hop-ref", [.tag("p", [:], heading), .tag("dl", class: "facts", facts)]))
    }
    return .tag("div", class: "side \(cls)", parts)
  }

  /// `file:line`, linked to its source page line when the site has the file.
  func place(_ fileLine: String, _ site: DiffSiteSide?) -> HTMLNode {
    guard let site, let (target, line) = site.source(fileLine) else { return .code(fileLine) }
    let href = SitePaths.relative(from: page, to: target, fragment: SitePaths.lineAnchor(line))
    return .link(href, [.code(fileLine)], class: "place")
  }

  /// Annotations whose anchoring differs between the versions.
  func drift(_ d: PathDiff) -> HTMLNode {
    let head = HTMLNode.tag(
      "thead", [:], [.tag("tr", [:], ["annotation", d.from, d.to, "why"].map { .textTag("th", $0) })])
    let rows = d.annotationDrift.map { a -> HTMLNode in
      var id: HTMLNode = .code(a.id)
      if let driftPage, let n = new {
        id = .link(
          SitePaths.relative(from: page, to: driftPage, fragment: DriftReportPage.rowAnchor(kernel: n.label, id: a.id)),
          [.code(a.id)])
      }
      func cell(_ status: String, _ location: String?, _ site: DiffSiteSide?) -> HTMLNode {
        .tag(
          "td", [:],
          [.textTag("span", status, class: "badge status-\(status)")]
            + (location.map { [.text(" "), place($0, site)] } ?? []))
      }
      return .tag(
        "tr", [:],
        [
          .tag("td", [:], [id]), cell(a.oldStatus, a.oldLocation, old), cell(a.newStatus, a.newLocation, new),
          .textTag("td", a.detail),
        ])
    }
    return .tag(
      "section", class: "annotation-drift",
      [.textTag("h3", "annotations"), .tag("table", class: "drift", [head, .tag("tbody", [:], rows)])])
  }
}
