import KwalkCore

/// Where each page lives in the site, and relative links between pages.
public enum SitePaths {
  /// The home page.
  public static let home = "index.html"
  /// Every walkthrough's path across the site's kernels, one table per leg (`HistoryPage`).
  public static let history = "history.html"
  /// The stylesheet.
  public static let stylesheet = "assets/kwalk.css"

  /// `6.1/walk/tcp-ipv4/send.html`.
  public static func walkthrough(kernel: String, name: String, direction: String) -> String {
    "\(kernel)/walk/\(name)/\(direction).html"
  }

  /// `6.1/source/net/core/dev.c.html`.
  public static func source(kernel: String, path: SourcePath) -> String { "\(kernel)/source/\(path.value).html" }

  /// `markdown/6.1/tcp-ipv4.md`.
  public static func markdown(kernel: String, name: String) -> String { "markdown/\(kernel)/\(name).md" }

  /// The annotation drift report as Markdown.
  public static let driftMarkdown = "markdown/annotation-drift.md"

  /// A link from page `from` to page `to` (both site-relative), with an optional fragment.
  public static func relative(from: String, to: String, fragment: String? = nil) -> String {
    guard from != to else { return fragment.map { "#" + $0 } ?? "" }
    let a = from.split(separator: "/").dropLast()
    let b = to.split(separator: "/")
    var common = 0
    while common < a.count, common < b.count - 1, a[a.startIndex + common] == b[common] { common += 1 }
    let up = String(repeating: "../", count: a.count - common)
    return up + b[common...].joined(separator: "/") + (fragment.map { "#" + $0 } ?? "")
  }

  /// The anchor of a source line.
  public static func lineAnchor(_ line: Int) -> String { "L\(line)" }

  /// The anchor of a step.
  public static func stepAnchor(_ number: Int) -> String { "step-\(number)" }
}
