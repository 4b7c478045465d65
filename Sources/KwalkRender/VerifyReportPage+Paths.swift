import KwalkTrace

/// The path section of the verify page: per walkthrough, its recorded stacks by status, the frames off the path
/// and those the index does not know, and the first inconsistent stack beside the path (`PathCheck.beside`), as
/// `kwalk verify` prints them in text.
extension VerifyReportPage {
  static func paths(_ r: TraceReport) -> [HTMLNode] {
    guard !r.walkthroughs.isEmpty || !r.unchecked.isEmpty else { return [] }
    var out: [HTMLNode] = [
      .textTag("h2", "Recorded stacks against each walkthrough's path"),
      .textTag(
        "p", "Read caller first, every frame a walkthrough's path holds must come in the path's order; a path "
          + "function missing from a stack was inlined by the running kernel.", class: "summary"),
    ]
    let statuses = PathCheck.StackStatus.allCases
    let head = (["walkthrough", "stacks"] + statuses.map(label)).map { HTMLNode.textTag("th", $0) }
    let rows = r.walkthroughs.map { c -> HTMLNode in
      .tag(
        "tr", ["class": c.count(.inconsistent) > 0 ? "inconsistent" : "consistent"],
        [.tag("td", [:], [.link("#path-\(c.walkthrough)", c.walkthrough)]), .textTag("td", "\(c.stacks)")]
          + statuses.map { .textTag("td", "\(c.count($0))") })
    }
    if !rows.isEmpty {
      out.append(.tag("table", class: "verify paths", [.tag("thead", [:], [.tag("tr", [:], head)]), .tag("tbody", [:], rows)]))
    }
    for c in r.walkthroughs { out.append(section(c)) }
    if !r.unchecked.isEmpty {
      out.append(.textTag("h3", "Not checked"))
      out.append(.tag("ul", [:], r.unchecked.map { .textTag("li", $0) }))
    }
    return out
  }

  /// What a status is called on the page.
  static func label(_ s: PathCheck.StackStatus) -> String {
    switch s {
    case .consistent: return "consistent"
    case .inconsistent: return "inconsistent"
    case .versionGap: return "version gap"
    case .outside: return "outside"
    }
  }

  /// One walkthrough's check.
  static func section(_ c: PathCheck) -> HTMLNode {
    var parts: [HTMLNode] = [
      .textTag("h3", c.walkthrough),
      .textTag(
        "p", "\(c.stacks) stacks: " + PathCheck.StackStatus.allCases.map { "\(c.count($0)) \(label($0))" }
          .joined(separator: ", ") + "."),
    ]
    if !c.offPathFrames.isEmpty {
      parts.append(.textTag("h4", "Frames off the path"))
      parts.append(
        .tag("ul", [:], c.offPathFrames.sorted { $0.key < $1.key }.map { .tag("li", [:], [.code($0.key), .text(" ×\($0.value)")]) }))
    }
    if !c.unknownFrames.isEmpty {
      parts.append(.textTag("h4", "Frames the index does not know"))
      parts.append(
        .tag("ul", [:], c.unknownFrames.sorted { $0.key < $1.key }.map { .tag("li", [:], [.code($0.key), .text(": \($0.value)")]) }))
    }
    if let s = c.firstInconsistent {
      parts.append(.textTag("h4", "First inconsistent stack (\(s.event), line \(s.line)) beside the path"))
      let rows = PathCheck.beside(s, path: c.path).map { row -> HTMLNode in
        .tag("tr", ["class": row.kind.rawValue], [
          .tag("td", [:], row.frame.isEmpty ? [] : [.code(row.frame)]), .textTag("td", row.path),
        ])
      }
      parts.append(
        .tag("table", class: "verify beside", [
          .tag("thead", [:], [.tag("tr", [:], [.textTag("th", "stack frame"), .textTag("th", "path")])]),
          .tag("tbody", [:], rows),
        ]))
    }
    return .tag("section", ["class": "path-check", "id": "path-\(c.walkthrough)"], parts)
  }
}
