/// The site's home page: what it covers, each kernel and its walkthroughs, sources, Markdown and reports.
enum HomePage {
  static func render(_ model: SiteModel) -> String {
    let page = SitePaths.home
    var body: [HTMLNode] = [
      .textTag("h1", "How a packet to localhost travels through Linux"),
      .textTag(
        "p",
        "Each walkthrough follows a packet sent to 127.0.0.1 (or ::1) from the socket call down to the loopback "
          + "device and back up to the reading socket. Every step is a call kwalk found by parsing the kernel with "
          + "libclang: a direct call, an inline function, a macro, a function pointer resolved from where it was "
          + "bound, or a softirq. Each step links to the exact source line.",
        class: "lead"),
    ]
    var reports: [HTMLNode] = []
    if let drift = model.driftReportPage {
      reports.append(.tag("li", [:], [.link(SitePaths.relative(from: page, to: drift), "Annotation drift report")]))
    }
    if model.kernels.contains(where: { $0.annotationReport != nil }) {
      reports.append(
        .tag(
          "li", [:],
          [.link(SitePaths.relative(from: page, to: DriftReportPage.page), "Annotation drift report")]))
      reports.append(
        .tag(
          "li", [:],
          [.link(SitePaths.relative(from: page, to: SitePaths.driftMarkdown), "Annotation drift report (Markdown)")]))
    }
    if model.versionDiffs.isEmpty, let diff = model.versionDiffPage {
      reports.append(
        .tag("li", [:], [.link(SitePaths.relative(from: page, to: diff), "What changed between versions")]))
    }
    for diff in model.versionDiffs {
      let (o, n) = model.diffKernels(diff)
      let text =
        model.versionDiffs.count == 1
        ? "What changed between versions" : "What changed from Linux \(o?.version ?? "?") to \(n?.version ?? "?")"
      reports.append(.tag("li", [:], [.link(SitePaths.relative(from: page, to: diff.page), text)]))
    }
    if !model.histories.isEmpty {
      reports.append(
        .tag(
          "li", [:],
          [.link(SitePaths.relative(from: page, to: SitePaths.history), "Every hop across versions (history tables)")]
        ))
    }
    if let v = model.verifyReport {
      reports.append(
        .tag("li", [:], [.link(SitePaths.relative(from: page, to: v.page), "Simulator against a real trace")]))
    }
    if !reports.isEmpty { body.append(.tag("ul", class: "reports", reports)) }
    if let table = historyTable(model, page: page) { body.append(table) }
    for k in model.kernels { body.append(kernel(k, page: page)) }
    return PageLayout.document(page: page, title: "kwalk: the localhost packet path in Linux", body: body)
  }

  static func kernel(_ k: SiteModel.Kernel, page: String) -> HTMLNode {
    var rows: [HTMLNode] = []
    for w in k.walkthroughs {
      var cells: [HTMLNode] = [.tag("td", [:], [.text(w.spec.title), .text(" "), .code(w.spec.name)])]
      var legs: [HTMLNode] = []
      for leg in w.legs {
        let target = SitePaths.walkthrough(kernel: k.label, name: w.spec.name, direction: leg.path.direction)
        if !legs.isEmpty { legs.append(.text(" · ")) }
        legs.append(
          .link(SitePaths.relative(from: page, to: target), "\(leg.path.direction) (\(leg.steps.count) steps)"))
      }
      if let sim = k.simulations.first(where: { $0.trace.scenario.walkthrough == w.spec.name }) {
        legs += [.text(" · "), .link(SitePaths.relative(from: page, to: sim.page), "simulator")]
      }
      cells.append(.tag("td", [:], legs))
      cells.append(
        .tag(
          "td", [:],
          [
            .link(
              SitePaths.relative(from: page, to: SitePaths.markdown(kernel: k.label, name: w.spec.name)), "Markdown")
          ]))
      rows.append(.tag("tr", [:], cells))
    }
    let sources = k.sources.keys.sorted().map { p -> HTMLNode in
      .tag(
        "li", [:],
        [.link(SitePaths.relative(from: page, to: SitePaths.source(kernel: k.label, path: p)), [.code(p.value)])])
    }
    var facts: [HTMLNode] = [.textTag("dt", "release"), .tag("dd", [:], [.text(k.version)])]
    if let pkg = k.debianPackage {
      facts += [.textTag("dt", "Debian package"), .tag("dd", [:], [.code("linux-source \(pkg)")])]
    }
    facts += [.textTag("dt", "config"), .tag("dd", [:], [.text(k.config)])]
    if let compiler = k.compiler { facts += [.textTag("dt", "compiler"), .tag("dd", [:], [.text(compiler)])] }
    return .tag(
      "section", ["class": "kernel", "id": "linux-\(k.label)"],
      [
        .textTag("h2", "Linux \(k.version)"),
        .tag("dl", class: "facts", facts),
        .tag(
          "table", class: "walkthroughs",
          [
            .tag("thead", [:], [.tag("tr", [:], ["walkthrough", "pages", "text"].map { .textTag("th", $0) })]),
            .tag("tbody", [:], rows),
          ]),
        .tag(
          "details", class: "sources",
          [.textTag("summary", "Source files the walkthroughs touch (\(sources.count))"), .tag("ul", [:], sources)]),
      ])
  }
}
