import KwalkCore

/// Weaves a file's `(range, tag)` decorations (token classes and definition links) into its text, line by line.
struct SourceWeaver {
  /// What a decorated range becomes.
  enum Tag {
    /// `<span class=…>`.
    case span(String)
    /// `<a class="fn" href=…>`.
    case link(String)
  }

  /// A byte range and its tag.
  struct Decoration {
    var start: Int
    var end: Int
    var tag: Tag
  }

  let text: SourceText
  let decorations: [Decoration]

  /// `href` gives the link for a definition.
  init(file: SourceFile, href: (SourceLocation) -> String) {
    text = file.source.text
    var all: [Decoration] = []
    for t in file.source.tokens {
      guard let cls = Self.cssClass(t.kind) else { continue }
      all.append(Decoration(start: t.offset, end: t.offset + t.length, tag: .span(cls)))
    }
    for r in file.references {
      all.append(Decoration(start: r.offset, end: r.offset + r.length, tag: .link(href(r.target))))
    }
    decorations = all.sorted { $0.start < $1.start }
  }

  /// The class of a token kind; nil for kinds shown plain.
  static func cssClass(_ kind: SourceTokenKind) -> String? {
    switch kind {
    case .keyword: return "k"
    case .comment: return "c"
    case .literal: return "s"
    case .macro: return "m"
    case .identifier, .punctuation: return nil
    }
  }

  /// The content of 1-based `line` as nodes, without its newline.
  func line(_ line: Int) -> [HTMLNode] {
    guard line >= 1, line <= text.lineStarts.count else { return [] }
    let start = text.lineStarts[line - 1]
    var end = line < text.lineStarts.count ? text.lineStarts[line] - 1 : text.bytes.count
    if end > start && text.bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
    var nodes: [HTMLNode] = []
    var at = start
    var i = firstDecoration(endingAfter: start)
    while i < decorations.count, decorations[i].start < end {
      let d = decorations[i]
      let lo = max(d.start, start)
      let hi = min(d.end, end)
      if lo > at { nodes.append(.text(text.text(at..<lo))) }
      if hi > lo {
        let inner: [HTMLNode] = [.text(text.text(lo..<hi))]
        switch d.tag {
        case .span(let cls): nodes.append(.tag("span", class: cls, inner))
        case .link(let href): nodes.append(.link(href, inner, class: "fn"))
        }
      }
      at = max(at, hi)
      i += 1
    }
    if end > at { nodes.append(.text(text.text(at..<end))) }
    return nodes
  }

  /// Index of the first decoration whose end lies after `offset` (decorations do not overlap).
  private func firstDecoration(endingAfter offset: Int) -> Int {
    var lo = 0
    var hi = decorations.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if decorations[mid].end <= offset { lo = mid + 1 } else { hi = mid }
    }
    return lo
  }
}
