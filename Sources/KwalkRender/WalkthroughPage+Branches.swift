import KwalkCore
import KwalkGraph

/// The route's choices on a walkthrough page: the branch point under the step that leaves it, and how a
/// softirq-started leg comes to run.
extension WalkthroughPage {
  /// The branch points whose taken call is hop `index` (0-based).
  func branchPoints(atHop index: Int) -> [HTMLNode] {
    leg.path.branchPoints.filter { $0.hop == index }.map(branchPoint)
  }

  func branchPoint(_ b: BranchPoint) -> HTMLNode {
    var items: [HTMLNode] = []
    for (r, c) in zip(b.notTaken, b.conditions) {
      var parts: [HTMLNode] = [
        .code(r.callee), .text(" at "), place(r.callsite.file, r.callsite.line), .text(", "),
        .text(r.ruledOut == nil ? "costs \(Self.hops(r.cost)) hops" : "ruled out"),
      ]
      if let c {
        parts += [
          .text(c.decides == "other" ? "; it runs when " : "; the taken call runs when "), .code(c.text),
          .text(" ("), place(c.file, c.line), .text(")"),
        ]
      }
      parts.append(.text(": "))
      parts.append(.code(r.functions.joined(separator: " → ")))
      if !r.evidence.isEmpty {
        parts.append(.tag("ul", class: "evidence", r.evidence.prefix(4).map { .textTag("li", $0) }))
      }
      items.append(.tag("li", [:], parts))
    }
    return .tag(
      "div", class: "branch-point",
      [
        .tag(
          "p", [:],
          [
            .textTag("strong", "Branch point. "), .text("From "), .code(b.function), .text(" more than one route reaches "),
            .code(b.toward), .text("; this one calls "), .code(b.taken.callee), .text(" at "),
            place(b.taken.callsite.file, b.taken.callsite.line),
            .text(" (\(Self.hops(b.taken.cost)) hops by the evidence)"),
            .text(b.decidedByStacks.map { "; decided by the stacks: it \($0)" } ?? ""), .text(". Not taken:"),
          ]),
        .tag("ul", [:], items),
      ])
  }

  /// How the leg's softirq runs: the calls from the previous leg to the entry.
  func runsSection() -> HTMLNode? {
    let runs = leg.path.runs
    guard let first = runs.first else { return nil }
    return .tag(
      "section", class: "runs",
      [
        .textTag("h2", "How this leg gets to run"),
        .tag(
          "p", [:],
          [
            .text("The softirq raised at the end of the previous leg runs through these calls, starting in "),
            .code(first.caller), .text(":"),
          ]),
        .tag(
          "ol", [:],
          runs.map { h in
            .tag(
              "li", [:],
              [
                .code(h.caller), .text(" → "), .code(h.callee), .text(" "), KindBadge.node(h.kind), .text(" at "),
                place(h.callsite.file, h.callsite.line),
              ] + (h.via.map { [.text(" via "), .code($0)] } ?? []))
          }),
      ])
  }

  /// Tenths of a hop as hops.
  static func hops(_ cost: Int) -> String { "\(cost / 10).\(cost % 10)" }
}
