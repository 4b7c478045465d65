import KwalkRender

/// Link integrity of rendered pages without a browser: every `href` of every HTML page must name a file of the site
/// and, with a fragment, an element id of that page.
enum LinkCheck {
  /// Every value of attribute `name` in `html`, entity-decoded (the pages quote every value with `"`).
  static func values(of name: String, in html: String) -> [String] {
    var out: [String] = []
    var rest = html[...]
    while let r = rest.range(of: " \(name)=\"") {
      guard let end = rest[r.upperBound...].firstIndex(of: "\"") else { break }
      out.append(
        String(rest[r.upperBound..<end]).replacingOccurrences(of: "&quot;", with: "\"")
          .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
          .replacingOccurrences(of: "&amp;", with: "&"))
      rest = rest[end...]
    }
    return out
  }

  /// `href` from site page `page`, as a site path; nil when it leaves the site or is not relative.
  static func resolve(_ href: String, from page: String) -> String? {
    if href.hasPrefix("/") || href.contains("://") { return nil }
    var parts = page.split(separator: "/").map(String.init).dropLast()
    for c in href.split(separator: "/", omittingEmptySubsequences: false).map(String.init) {
      if c == ".." {
        guard !parts.isEmpty else { return nil }
        parts.removeLast()
      } else if c != "." {
        parts.append(c)
      }
    }
    return parts.joined(separator: "/")
  }

  /// The links checked and one line per broken link.
  static func check(_ files: [RenderedFile]) -> (checked: Int, broken: [String]) {
    var text: [String: String] = [:]
    for f in files { text[f.relativePath] = String(decoding: f.bytes, as: UTF8.self) }
    let pages = files.map(\.relativePath).filter { $0.hasSuffix(".html") }
    var ids: [String: Set<String>] = [:]
    for p in pages { ids[p] = Set(values(of: "id", in: text[p]!)) }
    var checked = 0
    var broken: [String] = []
    for p in pages {
      for href in values(of: "href", in: text[p]!) {
        checked += 1
        let parts = href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard let target = parts[0].isEmpty ? p : resolve(parts[0], from: p), text[target] != nil else {
          broken.append("\(p): \(href) names no file")
          continue
        }
        // A fragment with `=` is read by a page's script (the simulator's `#hop=send-3`), not an element id.
        let fragment = parts.count == 2 && !parts[1].contains("=") ? parts[1] : nil
        if let fragment, target.hasSuffix(".html"), ids[target]?.contains(fragment) != true {
          broken.append("\(p): \(href) names no element")
        }
      }
    }
    return (checked, broken)
  }
}
