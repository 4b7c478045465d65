import KwalkAnnotate
import KwalkCore
import KwalkGraph

/// One walkthrough leg as a page: summary, graph, numbered steps.
struct WalkthroughPage {
  let kernel: SiteModel.Kernel
  let walkthrough: SiteModel.Walkthrough
  let leg: SiteModel.Leg
  /// This page's site path.
  let page: String
  /// One weaver per file, built on first use.
  private var weavers: [SourcePath: SourceWeaver] = [:]

  init(kernel: SiteModel.Kernel, walkthrough: SiteModel.Walkthrough, leg: SiteModel.Leg) {
    self.kernel = kernel
    self.walkthrough = walkthrough
    self.leg = leg
    page = SitePaths.walkthrough(kernel: kernel.label, name: walkthrough.spec.name, direction: leg.path.direction)
  }

  mutating func render() -> String {
    let spec = walkthrough.spec
    let functions = leg.path.functions
    var body: [HTMLNode] = [
      .tag(
        "h1", [:],
        [.text(spec.title + " "), .textTag("span", leg.path.direction, class: "direction")]),
      .tag(
        "p", class: "meta",
        [
          .text("Linux \(kernel.version): "), .code(functions.first ?? ""), .text(" → "), .code(functions.last ?? ""),
          .text(", \(leg.steps.count) steps found in the index."),
        ]),
      directions(),
      legend(),
    ]
    if !leg.path.stackStops.isEmpty {
      // The route is not the index's alone: say which functions a running kernel's stacks made it pass.
      body.append(
        .tag(
          "p", class: "meta",
          [.text("Routed through ")]
            + leg.path.stackStops.enumerated().flatMap { n, f in (n == 0 ? [] : [.text(", ")]) + [.code(f)] }
            + [.text(" because the stacks recorded on a running kernel show them; see the branch points.")]))
    }
    if !walkthrough.overview.isEmpty {
      body.append(.tag("section", class: "overview", walkthrough.overview.map { note($0) }))
    }
    if let runs = runsSection() { body.append(runs) }
    var columns: [HTMLNode] = []
    if let svg = leg.graphSVG {
      columns.append(
        .tag(
          "figure", class: "graph",
          [
            .tag("div", class: "graph-scroll", [.trusted(svg)]),
            .textTag("figcaption", "The path as Graphviz lays it out; click a function to go to its step."),
          ]))
    }
    var steps: [HTMLNode] = []
    for (i, step) in leg.steps.enumerated() { steps.append(self.step(step, number: i + 1)) }
    columns.append(.tag("ol", class: "steps", steps))
    if let entry = entryWatch() { body.append(entry) }
    // On a wide screen the graph stays beside the steps; on a phone it comes first.
    body.append(.tag("div", class: "walk", columns))
    if let table = watchTable() { body.append(table) }
    if !leg.unattached.isEmpty {
      body.append(
        .tag(
          "section", class: "unattached",
          [.textTag("h2", "Notes on this direction that fit no step")] + leg.unattached.map { note($0) }))
    }
    return PageLayout.document(
      page: page, title: "\(spec.title) (\(leg.path.direction)) — Linux \(kernel.version)",
      crumbs: [("Linux \(kernel.version)", nil), (spec.title, nil), (leg.path.direction, nil)], body: body)
  }

  /// Links to the walkthrough's other directions and its Markdown.
  private func directions() -> HTMLNode {
    var items: [HTMLNode] = []
    for other in walkthrough.legs {
      let target = SitePaths.walkthrough(
        kernel: kernel.label, name: walkthrough.spec.name, direction: other.path.direction)
      items.append(
        other.path.direction == leg.path.direction
          ? .textTag("li", other.path.direction, class: "current")
          : .tag("li", [:], [.link(SitePaths.relative(from: page, to: target), other.path.direction)]))
    }
    let md = SitePaths.markdown(kernel: kernel.label, name: walkthrough.spec.name)
    items.append(.tag("li", [:], [.link(SitePaths.relative(from: page, to: md), "Markdown")]))
    return .tag("nav", ["class": "legs", "aria-label": "directions"], [.tag("ul", [:], items)])
  }

  /// What each kind badge means.
  private func legend() -> HTMLNode {
    let words: [(EdgeKind, String)] = [
      (.direct, "a call by name"), (.inline, "an inline function, no call at run time"),
      (.macro, "a call a macro writes"), (.pointer, "a call through a function pointer"),
      (.softirq, "work handed to a softirq"),
    ]
    return .tag(
      "ul", class: "legend",
      words.map { kind, text in .tag("li", [:], [KindBadge.node(kind), .text(" " + text)]) })
  }

  /// An annotation whose status links to its row on the drift report, when the site has the report for this
  /// kernel.
  func note(_ n: AnnotationNote) -> HTMLNode {
    guard let report = kernel.annotationReport, report.entries.contains(where: { $0.annotation.id == n.id }) else {
      return AnnotationView.node(n)
    }
    let href = SitePaths.relative(
      from: page, to: DriftReportPage.page, fragment: DriftReportPage.rowAnchor(kernel: kernel.label, id: n.id))
    return AnnotationView.node(n, report: href)
  }

  /// The weaver of `path`, when the site has its source.
  mutating func weaver(_ path: SourcePath) -> SourceWeaver? {
    if let w = weavers[path] { return w }
    guard let file = kernel.sources[path] else { return nil }
    let page = self.page
    let label = kernel.label
    let w = SourceWeaver(file: file) { target in
      SitePaths.relative(
        from: page, to: SitePaths.source(kernel: label, path: target.path), fragment: SitePaths.lineAnchor(target.line))
    }
    weavers[path] = w
    return w
  }

  /// A link to `file:line` on its source page, or plain text when the site has no page for it.
  func place(_ file: String, _ line: Int) -> HTMLNode { kernel.place(SourcePath(file), line, from: page) }
}

/// The coloured word that says a hop's kind.
enum KindBadge {
  static func node(_ kind: EdgeKind) -> HTMLNode {
    .textTag("span", kind.rawValue, class: "kind kind-\(kind.rawValue)")
  }
}
