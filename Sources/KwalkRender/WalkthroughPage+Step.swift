import KwalkCore
import KwalkGraph

extension WalkthroughPage {
  /// One numbered step: the hop, its call site, bindings or macro, tracepoints, config, notes.
  mutating func step(_ step: SiteModel.Step, number: Int) -> HTMLNode {
    let h = step.hop
    var parts: [HTMLNode] = [
      .tag(
        "h2", [:],
        [
          .link("#" + SitePaths.stepAnchor(number), "\(number).", class: "num"), .text(" "), .code(h.caller),
          .text(" → "), .code(h.callee), .text(" "), KindBadge.node(h.kind),
        ])
    ]
    var facts: [HTMLNode] = [
      fact("call site", [place(h.callsite.file, h.callsite.line)] + (h.via.map { [.text(" via "), .code($0)] } ?? [])),
      fact("definition", [place(h.definition.file, h.definition.line)]),
    ]
    if let macro = h.via, h.kind == .macro {
      facts.append(
        fact(
          "macro", [.code(macro)] + (h.macroDefinition.map { [.text(" defined at "), place($0.file, $0.line)] } ?? [])))
    }
    if let field = h.field { facts.append(fact("pointer", [.code(field)])) }
    if let c = h.context { facts.append(fact("chosen because", [.text(c)])) }
    if !h.candidates.isEmpty { facts.append(fact("other candidates", candidates(step))) }
    if !h.tracepoints.isEmpty { facts.append(fact("tracepoints", list(h.tracepoints))) }
    if !h.config.isEmpty { facts.append(fact("compiled with", list(h.config))) }
    parts.append(.tag("dl", class: "facts", facts))
    parts += branchPoints(atHop: number - 1)
    if let w = step.watch, !w.isEmpty { parts.append(watchBoxes(w)) }
    if !step.otherVersions.isEmpty { parts.append(versionSwitcher(step.otherVersions)) }
    for d in step.versionDiffs {
      parts.append(
        .tag(
          "p", class: "diff-link",
          [
            .text("Different in Linux \(d.otherVersion) (\(d.summary)): "),
            .link(SitePaths.relative(from: page, to: d.page, fragment: d.anchor), "see both versions side by side"),
          ]))
    }
    if let e = step.callSite { parts.append(excerpt(e, caption: "call site")) }
    for (b, e) in zip(h.bindings, step.bindingSites) { parts.append(excerpt(e, caption: "bound by \(b.form)")) }
    if let e = step.macroDefinition { parts.append(excerpt(e, caption: "macro definition")) }
    parts.append(
      .tag("div", ["class": "annotations", "data-step": String(number)], step.annotations.map { note($0) }))
    if let sim = leg.simulatorPage {
      // The simulator page selects a hop from `#hop=<direction>-<0-based hop>`.
      let fragment = "hop=\(leg.path.direction)-\(number - 1)"
      parts.append(
        .tag(
          "p", class: "sim",
          [.link(SitePaths.relative(from: page, to: sim, fragment: fragment), "see it in the simulator")]))
    }
    return .tag("li", ["class": "step", "id": SitePaths.stepAnchor(number)], parts)
  }

  /// The same step in each kernel of the site, as Elixir's version switcher: this kernel's release unlinked, the
  /// others linked to their step (with the name it has there when it differs), `—` where the kernel lacks the hop.
  private func versionSwitcher(_ links: [StepVersionLink]) -> HTMLNode {
    let items = links.enumerated().map { j, v -> HTMLNode in
      if v.isCurrent { return .textTag("li", v.version, class: "current") }
      guard let n = v.step else { return .tag("li", class: "absent", [.text("\(v.version): —")]) }
      var text = "\(v.version): step \(n)"
      if let callee = v.callee, callee != step(in: links)?.callee { text += " (\(callee))" }
      let link = HTMLNode.link(
        SitePaths.relative(from: page, to: v.page, fragment: SitePaths.stepAnchor(n)), text)
      guard !v.changes.isEmpty, j > 0 else { return .tag("li", [:], [link]) }
      let since = " (\(v.changes.joined(separator: ", ")) since \(links[j - 1].version))"
      return .tag("li", [:], [link, .text(since)])
    }
    return .tag("nav", ["class": "versions", "aria-label": "this step in other versions"], [.tag("ul", [:], items)])
  }

  /// This kernel's entry of a version switcher.
  private func step(in links: [StepVersionLink]) -> StepVersionLink? { links.first(where: \.isCurrent) }

  private func fact(_ term: String, _ detail: [HTMLNode]) -> HTMLNode {
    .fragment([.textTag("dt", term), .tag("dd", [:], detail)])
  }

  /// Each candidate, linked to its definition when the site has that file.
  private func candidates(_ step: SiteModel.Step) -> [HTMLNode] {
    var out: [HTMLNode] = []
    for (i, name) in step.hop.candidates.enumerated() {
      if i > 0 { out.append(.text(", ")) }
      let at = i < step.candidateDefinitions.count ? step.candidateDefinitions[i] : nil
      out.append(at.map { kernel.place($0.path, $0.line, text: name, from: page) } ?? .code(name))
    }
    return out
  }

  private func list(_ names: [String]) -> [HTMLNode] {
    var out: [HTMLNode] = []
    for (i, n) in names.enumerated() {
      if i > 0 { out.append(.text(", ")) }
      out.append(.code(n))
    }
    return out
  }

  /// Lines of source with the marked line highlighted; line numbers link to the source page.
  mutating func excerpt(_ e: Excerpt, caption: String) -> HTMLNode {
    guard let weaver = weaver(e.path) else { return .fragment([]) }
    let target = SitePaths.source(kernel: kernel.label, path: e.path)
    var lines: [HTMLNode] = []
    for n in e.lines {
      if n > e.lines.lowerBound { lines.append(.text("\n")) }
      let href = SitePaths.relative(from: page, to: target, fragment: SitePaths.lineAnchor(n))
      lines.append(
        .tag(
          "span", class: n == e.marked ? "line mark" : "line", [.link(href, String(n), class: "ln")] + weaver.line(n)))
    }
    return .tag(
      "figure", class: "excerpt",
      [
        .tag("figcaption", [:], [.text(caption + " "), place(e.path.value, e.marked)]),
        .tag("pre", class: "source", [.tag("code", [:], lines)]),
      ])
  }
}
