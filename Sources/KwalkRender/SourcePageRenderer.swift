import KwalkCore

/// A whole source file: numbered lines with `#L<n>` anchors, libclang's token classes, and function names linked to
/// their definitions.
enum SourcePageRenderer {
  static func render(_ file: SourceFile, kernel: SiteModel.Kernel) -> String {
    let page = SitePaths.source(kernel: kernel.label, path: file.path)
    let weaver = SourceWeaver(file: file) { target in
      SitePaths.relative(
        from: page, to: SitePaths.source(kernel: kernel.label, path: target.path),
        fragment: SitePaths.lineAnchor(target.line))
    }
    let count = file.source.text.lineCount
    var lines: [HTMLNode] = []
    lines.reserveCapacity(count)
    for n in 1...max(1, count) {
      let anchor = SitePaths.lineAnchor(n)
      if n > 1 { lines.append(.text("\n")) }
      lines.append(
        .element(
          "span", attributes: [HTMLAttribute("class", "line"), HTMLAttribute("id", anchor)],
          children: [.link("#" + anchor, String(n), class: "ln")] + weaver.line(n)))
    }
    let body: [HTMLNode] = [
      .tag(
        "h1", class: "path", [.code(file.path.value)]),
      .tag(
        "p", class: "meta",
        [
          .text(
            "Linux \(kernel.version), \(count) lines. Colours come from libclang's tokens; underlined names link to "
              + "the definition kwalk indexed.")
        ]),
      steps(file, page: page, kernel: kernel),
      .tag("pre", class: "source", [.tag("code", [:], lines)]),
    ]
    return PageLayout.document(
      page: page, title: "\(file.path.value) — Linux \(kernel.version)",
      crumbs: [("Linux \(kernel.version)", nil), (file.path.value, nil)], body: body)
  }

  /// The walkthrough steps that point into this file, each linking to its step and to its line.
  static func steps(_ file: SourceFile, page: String, kernel: SiteModel.Kernel) -> HTMLNode {
    guard !file.steps.isEmpty else { return .fragment([]) }
    let items = file.steps.map { r -> HTMLNode in
      let walk = SitePaths.walkthrough(kernel: kernel.label, name: r.walkthrough, direction: r.direction)
      return .tag(
        "li", [:],
        [
          .link("#" + SitePaths.lineAnchor(r.line), "line \(r.line)"), .text(": \(r.role) of "),
          .link(
            SitePaths.relative(from: page, to: walk, fragment: SitePaths.stepAnchor(r.step)),
            "\(r.walkthrough) \(r.direction), step \(r.step)"),
          .text(" "), .code(r.title),
        ])
    }
    return .tag(
      "details", class: "steps-here",
      [.textTag("summary", "Walkthrough steps in this file (\(items.count))"), .tag("ul", [:], items)])
  }
}
