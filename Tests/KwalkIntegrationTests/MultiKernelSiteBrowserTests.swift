import Foundation
import KwalkCore
import KwalkTestSupport
import Testing

/// `kwalk site` for Debian 12's two kernels (6.1 and 6.12), opened in headless Chromium: the history table on the home
/// page, a step's version switcher to the same step in the other kernel, and the 6.1 → 6.12 diff page's way back to
/// the steps. Every link followed is checked to name a file of the site (and an element of it, where it has a
/// fragment). The routes follow the stacks recorded on 6.18 (`--stacks`, as `make site` passes them), so a choice
/// they made is on its page as a branch point.
@Suite(.serialized) struct MultiKernelSiteBrowserTests {
  /// A loaded page: its site path and DOM after the scripts ran.
  struct Page {
    var path: String
    var dom: String
  }

  let root: String
  let browser: Chromium
  let files: Set<String>

  init() throws {
    browser = try #require(Chromium(), "chromium is not installed: apt-get install chromium")
    root = FileManager.default.temporaryDirectory.appendingPathComponent("kwalk-sites-\(UUID().uuidString)").path
    let run = try runKwalkCapturing([
      "site", "--kernel", "6.1", "--kernel", "6.12", "--out", root, "--annotations",
      Fixtures.repository + "/Annotations", "--stacks", Fixtures.repository + "/Traces/loopback-6.18.trace",
    ])
    #expect(run.status == 0, "\(run.stderr.split(separator: "\n").suffix(3))")
    var all: Set<String> = []
    let e = FileManager.default.enumerator(atPath: root)
    while let f = e?.nextObject() as? String {
      var dir: ObjCBool = false
      if FileManager.default.fileExists(atPath: root + "/" + f, isDirectory: &dir), !dir.boolValue { all.insert(f) }
    }
    files = all
  }

  /// Loads a page of the site in the browser; it must load without console messages.
  func load(_ path: String) throws -> Page {
    try #require(files.contains(path), "the site has no \(path)")
    let v = try browser.visit(root + "/" + path)
    #expect(v.status == 0 && v.console.isEmpty, "\(path): status \(v.status), \(v.console.prefix(3))")
    #expect(v.dom.contains("</main>"), "\(path) did not load")
    return Page(path: path, dom: v.dom)
  }

  /// The site path and fragment `href` on `page` leads to; records an issue when it names no file of the site.
  func follow(_ href: String, from page: String) -> (path: String, fragment: String?)? {
    #expect(!href.hasPrefix("/") && !href.contains("://"), "\(page): \(href) is not a relative link")
    let parts = href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
    let fragment = parts.count == 2 ? parts[1] : nil
    if parts[0].isEmpty { return (page, fragment) }
    let base = URL(fileURLWithPath: root + "/" + page).deletingLastPathComponent()
    let url = URL(fileURLWithPath: parts[0], relativeTo: base).standardizedFileURL
    guard url.path.hasPrefix(root + "/"), files.contains(String(url.path.dropFirst(root.count + 1))) else {
      Issue.record("\(page): \(href) points at no file of the site")
      return nil
    }
    return (String(url.path.dropFirst(root.count + 1)), fragment)
  }

  /// Every link on `page` names a file of the site, and a fragment an element of it when it is `page` itself.
  func everyLinkResolves(_ page: Page) {
    let ids = Set(DOMScan.values(of: "id", in: page.dom))
    for href in DOMScan.values(of: "href", in: page.dom) + DOMScan.values(of: "xlink:href", in: page.dom) {
      guard let (target, fragment) = follow(href, from: page.path) else { continue }
      if target == page.path, let fragment, !fragment.contains("=") {
        #expect(ids.contains(fragment), "\(page.path): \(href) names no element")
      }
    }
  }

  /// The HTML of the element whose `id` is `id`, up to where the next element of the same kind (`step-`, …) starts.
  static func section(_ dom: String, id: String, nextPrefix: String) -> Substring? {
    guard let start = dom.range(of: " id=\"\(id)\"") else { return nil }
    let rest = dom[start.upperBound...]
    let end = rest.range(of: " id=\"\(nextPrefix)")?.lowerBound ?? rest.endIndex
    return rest[..<end]
  }

  /// The texts of the `<code>` elements in `html`.
  static func codes(_ html: Substring) -> [String] {
    var out: [String] = []
    var rest = html
    while let open = rest.range(of: "<code>"), let close = rest[open.upperBound...].range(of: "</code>") {
      out.append(String(rest[open.upperBound..<close.lowerBound]))
      rest = rest[close.upperBound...]
    }
    return out
  }

  /// The callee a step's heading names (`caller → callee`).
  static func callee(_ dom: String, step: String) -> String? {
    guard let s = section(dom, id: step, nextPrefix: "step-"), let h2 = s.range(of: "</h2>") else { return nil }
    let names = codes(s[..<h2.lowerBound])
    return names.count >= 2 ? names[1] : nil
  }

  @Test func historyVersionSwitcherAndDiffPageLinkTheKernels() throws {
    defer { try? FileManager.default.removeItem(atPath: root) }

    // The home page: the history table, one column per kernel.
    let home = try load("index.html")
    let history = try #require(
      home.dom.range(of: "<section class=\"history\" id=\"history\">").map { home.dom[$0.lowerBound...] },
      "no history section on the home page")
    let table = try #require(history.range(of: "</table>").map { history[..<$0.upperBound] })
    #expect(table.contains("<table class=\"history\">"))
    let heads = table.components(separatedBy: "<th>").dropFirst().compactMap { $0.components(separatedBy: "</th>").first }
    #expect(heads.count == 4 && heads[0] == "walkthrough" && heads[1] == "leg", "\(heads)")
    #expect(heads.count == 4 && heads[2].hasPrefix("6.1.") && heads[3].hasPrefix("6.12."), "\(heads)")
    #expect(table.contains("<code>tcp-ipv4</code>") && table.contains(">send</a>") && table.contains(">receive</a>"))
    everyLinkResolves(home)

    // A step page of 6.1: tcp-ipv4's send leg. Each step's switcher names the same step in 6.12.
    let sendPath = "6.1/walk/tcp-ipv4/send.html"
    let send = try load(sendPath)
    everyLinkResolves(send)
    let stepIDs = DOMScan.values(of: "id", in: send.dom).filter { $0.hasPrefix("step-") }
    #expect(stepIDs.count > 20, "\(stepIDs.count) steps")
    var followed = 0
    var targets: [String: Page] = [:]
    for id in stepIDs {
      let s = try #require(Self.section(send.dom, id: id, nextPrefix: "step-"))
      guard let nav = s.range(of: "<nav class=\"versions\"").map({ s[$0.lowerBound...] }),
        let navEnd = nav.range(of: "</nav>")
      else { continue }
      let callee = try #require(Self.callee(send.dom, step: id), "\(id) names no callee")
      // This kernel's own entry is not a link; the other kernel's is, to a step.
      #expect(nav[..<navEnd.lowerBound].contains("<li class=\"current\">6.1."), "\(id): \(nav[..<navEnd.lowerBound])")
      let links = DOMScan.values(of: "href", in: String(nav[..<navEnd.lowerBound]))
      #expect(links.count == 1, "\(id): \(links)")
      guard let href = links.first, let (target, fragment) = follow(href, from: sendPath) else { continue }
      #expect(target == "6.12/walk/tcp-ipv4/send.html", "\(href)")
      let other = try targets[target] ?? load(target)
      targets[target] = other
      let step = try #require(fragment, "\(href) names no step")
      #expect(DOMScan.values(of: "id", in: other.dom).contains(step), "\(href): no such element")
      // The same function; where the name differs there the link says which (`6.12.117: step 3 (new_name)`).
      let linkText = try #require(
        nav[..<navEnd.lowerBound].range(of: "#\(step)\">").flatMap { open in
          nav[open.upperBound...].range(of: "</a>").map { nav[open.upperBound..<$0.lowerBound] }
        })
      let renamed = linkText.hasSuffix(")") ? linkText.split(separator: "(").last.map { String($0.dropLast()) } : nil
      #expect(Self.callee(other.dom, step: step) == (renamed ?? callee), "\(id) → \(href): \(linkText)")
      followed += 1
    }
    #expect(followed == stepIDs.count, "only \(followed) of \(stepIDs.count) steps link to 6.12")
    // Back: 6.12's switcher links to 6.1's page.
    for (_, page) in targets {
      everyLinkResolves(page)
      #expect(page.dom.contains("<li class=\"current\">6.12."))
      #expect(
        DOMScan.values(of: "href", in: page.dom).contains { $0.hasPrefix("../../../6.1/walk/tcp-ipv4/send.html#step-") })
    }

    // The diff page 6.1 → 6.12, linked from the home page; its entries link back to steps in both kernels.
    let diffPath = "diff/6.1-6.12.html"
    #expect(DOMScan.values(of: "href", in: home.dom).contains(diffPath), "the home page does not link \(diffPath)")
    let diff = try load(diffPath)
    everyLinkResolves(diff)
    // The history table's changes link to the diff page's sections.
    let diffIDs = Set(DOMScan.values(of: "id", in: diff.dom))
    let changeLinks = DOMScan.values(of: "href", in: String(table)).filter { $0.hasPrefix(diffPath + "#") }
    #expect(changeLinks.count >= 8, "\(changeLinks)")
    for href in changeLinks { #expect(diffIDs.contains(String(href.dropFirst(diffPath.count + 1))), "\(href)") }
    let stepLinks = DOMScan.values(of: "href", in: diff.dom).filter { $0.contains("/walk/") && $0.contains("#step-") }
    #expect(stepLinks.count > 50, "\(stepLinks.count) links to steps")
    var kernelsLinked: Set<String> = []
    for href in stepLinks {
      guard let (target, fragment) = follow(href, from: diffPath), let fragment else { continue }
      kernelsLinked.insert(String(target.prefix { $0 != "/" }))
      let page = try targets[target] ?? load(target)
      targets[target] = page
      #expect(DOMScan.values(of: "id", in: page.dom).contains(fragment), "\(diffPath): \(href) names no step")
    }
    #expect(kernelsLinked == ["6.1", "6.12"])

    // udp-ipv6's send leg on 6.12: udpv6_sendmsg has routes to loopback_xmit that skip udp_v6_send_skb, which the
    // recorded stacks show; the page says the stacks decided, and which routes miss the frames.
    let udpPath = "6.12/walk/udp-ipv6/send.html"
    let udp = try load(udpPath)
    everyLinkResolves(udp)
    #expect(udp.dom.contains("because the stacks recorded on a running kernel show them"))
    let decided = udp.dom.components(separatedBy: "<div class=\"branch-point\">").dropFirst()
      .filter { $0.contains("decided by the stacks: it passes") }
    #expect(!decided.isEmpty, "no branch point of \(udpPath) says the stacks decided it")
    for point in decided {
      #expect(point.contains("which the stacks recorded in loopback-6.18.trace show"))
      #expect(point.contains("<li>misses "), "a branch point the stacks decided lists no route that misses a frame")
    }
  }
}
