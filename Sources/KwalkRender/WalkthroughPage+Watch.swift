import KwalkCore
import KwalkGraph

extension WalkthroughPage {
  /// The "Tune", "Watch" and "Drops" boxes of a step, each fact linked to its source line.
  func watchBoxes(_ w: HopObservations) -> HTMLNode {
    var boxes: [HTMLNode] = []
    if !w.tunables.isEmpty {
      boxes.append(
        box(
          "Tune", "tune",
          w.tunables.map { t in
            var line: [HTMLNode] = [.code(t.name)]
            if let d = t.defaultValue {
              line += [.text(" default "), t.defaultAt.map { place($0.file, $0.line, text: d) } ?? .code(d)]
            }
            if t.perNamespace { line.append(.text(" (per network namespace)")) }
            line += [
              .text(": "), .code(t.storage), .text(" read in "), .code(t.function), .text(" at "),
              place(t.read.file, t.read.line), .text(", exposed at "), place(t.entry.file, t.entry.line),
            ]
            return line
          }))
    }
    if !w.counters.isEmpty {
      boxes.append(
        box(
          "Watch", "watch",
          w.counters.map { c in
            var line: [HTMLNode] = [
              .code(c.name), .text(" " + (c.file.isEmpty ? "(device statistics)" : "in \(c.file)")),
            ]
            if c.placement != .mainLine { line.append(.text(" (in a branch)")) }
            return line + [
              .text(": "), .code(c.via), .text(" in "), .code(c.function), .text(" at "), place(c.at.file, c.at.line),
            ]
          }))
    }
    if !w.drops.isEmpty {
      boxes.append(
        box(
          "Drops", "drops",
          w.drops.map { d in
            var line: [HTMLNode] = [
              .code(d.call), .text(" in "), .code(d.function), .text(" at "), place(d.at.file, d.at.line),
            ]
            if !d.reasons.isEmpty {
              line.append(.text(", reasons "))
              for (i, r) in d.reasons.enumerated() {
                if i > 0 { line.append(.text(", ")) }
                line.append(place(r.at.file, r.at.line, text: r.name))
              }
            }
            if !d.counters.isEmpty {
              line.append(.text("; counted by "))
              for (i, c) in d.counters.enumerated() {
                if i > 0 { line.append(.text(", ")) }
                line.append(place(c.at.file, c.at.line, text: c.name))
              }
            }
            return line
          }))
    }
    return .tag("div", class: "watch-boxes", boxes)
  }

  private func box(_ title: String, _ cls: String, _ items: [[HTMLNode]]) -> HTMLNode {
    .tag(
      "section", class: "box box-\(cls)",
      [.textTag("h3", title), .tag("ul", [:], items.map { .tag("li", [:], $0) })])
  }

  func place(_ file: String, _ line: Int, text: String) -> HTMLNode {
    kernel.place(SourcePath(file), line, text: text, from: page)
  }

  /// The boxes of the leg's entry function, which no step's callee is (`net_rx_action` reads `netdev_budget`).
  func entryWatch() -> HTMLNode? {
    guard let w = leg.entryWatch else { return nil }
    return .tag(
      "section", class: "entry-watch",
      [.tag("h2", [:], [.text("Where the leg starts: "), .code(w.function)]), watchBoxes(w)])
  }

  /// "What to watch on this path": every main-line counter, tunable and drop point, in step order, the entry first.
  func watchTable() -> HTMLNode? {
    var rows: [HTMLNode] = []
    let entry = leg.entryWatch.map { [(0, $0.function, $0)] } ?? []
    let steps = leg.steps.enumerated().compactMap { i, s in s.watch.map { (i + 1, s.hop.callee, $0) } }
    for (n, function, w) in entry + steps where !w.isEmpty {
      func row(_ what: String, _ detail: [HTMLNode]) -> HTMLNode {
        let step: [HTMLNode] = n == 0 ? [.text("entry ")] : [.link("#" + SitePaths.stepAnchor(n), "\(n)."), .text(" ")]
        return .tag(
          "tr", [:],
          [.tag("td", [:], step + [.code(function)]), .textTag("td", what), .tag("td", [:], detail)])
      }
      for t in w.tunables { rows.append(row("tune", [place(t.read.file, t.read.line, text: t.name)])) }
      for c in w.counters where c.placement == .mainLine {
        rows.append(
          row("watch", [place(c.at.file, c.at.line, text: c.name)] + (c.file.isEmpty ? [] : [.text(" " + c.file)])))
      }
      for d in w.drops {
        rows.append(
          row("drop", [place(d.at.file, d.at.line, text: d.call)] + d.counters.prefix(3).map { .text(" " + $0.name) }))
      }
    }
    guard !rows.isEmpty else { return nil }
    return .tag(
      "section", class: "watch-table",
      [
        .textTag("h2", "What to watch on this path"),
        .tag(
          "table", [:],
          [.tag("tr", [:], [.textTag("th", "step"), .textTag("th", "what"), .textTag("th", "name and source")])]
            + rows),
      ])
  }
}
