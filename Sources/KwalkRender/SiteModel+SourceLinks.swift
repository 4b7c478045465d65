import KwalkCore

extension SiteModel.Kernel {
  /// The link from page `page` to `line` of `path`'s source page; nil when the site has no page for the file.
  func sourceLink(from page: String, path: SourcePath, line: Int) -> String? {
    guard sources[path] != nil else { return nil }
    return SitePaths.relative(from: page, to: SitePaths.source(kernel: label, path: path), fragment: SitePaths.lineAnchor(line))
  }

  /// `text` (by default `file:line`) linked to its source line, or plain code when the site has no page for the file.
  func place(_ path: SourcePath, _ line: Int, text: String? = nil, from page: String) -> HTMLNode {
    let shown = text ?? "\(path):\(line)"
    guard let href = sourceLink(from: page, path: path, line: line) else { return .code(shown) }
    return .link(href, [.code(shown)], class: "place")
  }
}
