import Foundation
import KwalkCore
import KwalkDiff
import KwalkRender
import Testing

/// The version diff page on the diff fixture pair, on its own and inside a two-kernel site. Expected entries, lines
/// and steps come from Tests/Fixtures/diff-expected/before-after.txt, checked by hand against both trees.
@Suite struct DiffPageTests {
  let model: SiteModel
  let files: [RenderedFile]

  init() throws {
    model = try DiffSite.model()
    files = SiteRenderer.render(model)
  }

  var page: String { DiffSite.text(files, "diff/1.0-2.0.html") ?? "" }

  @Test func standalonePageGolden() throws {
    let html = DiffPage.render(model.versionDiff!.diffs)
    assertSnapshot(html, named: "diff-standalone.html")
    // Its own stylesheet, no links out of the one file, the same entries as in the site.
    #expect(html.contains("<style>") && !html.contains("<link rel=\"stylesheet\""))
    #expect(!LinkCheck.values(of: "href", in: html).contains { !$0.hasPrefix("#") })
    #expect(html.contains("<section class=\"hop-diff\" id=\"diff-send-tcp_push_pending\">"))
    #expect(!html.contains("->"))
  }

  @Test func sitePageGolden() throws {
    assertSnapshot(page, named: "diff-site.html")
  }

  @Test func entriesLinkToBothVersionsStepsAndSourceLines() throws {
    // The rename: tcp_push_frames (defined at tcp.c:3 in 1.0) became tcp_push_pending (tcp.c:6 in 2.0), step 1 in
    // both.
    let renamed = try #require(section(page, id: "diff-send-tcp_push_pending"))
    #expect(renamed.contains("<a href=\"../1.0/walk/diff/send.html#step-1\" class=\"step-link\">step 1</a>"))
    #expect(renamed.contains("<a href=\"../2.0/walk/diff/send.html#step-1\" class=\"step-link\">step 1</a>"))
    #expect(renamed.contains("<a href=\"../1.0/source/net/ipv4/tcp.c.html#L3\" class=\"place\"><code>net/ipv4/tcp.c:3"))
    #expect(renamed.contains("<a href=\"../2.0/source/net/ipv4/tcp.c.html#L6\" class=\"place\"><code>net/ipv4/tcp.c:6"))
    // The path's own call line in the body diff: old tcp.c:8 removed, new tcp.c:11 added, both linked and marked.
    #expect(
      renamed.contains(
        "<span class=\"line removed path\"><a href=\"../1.0/source/net/ipv4/tcp.c.html#L8\" class=\"ln\">8</a>"
          + "<span class=\"op\">-▶</span>\tsent = sk-&gt;icsk_af_ops-&gt;queue_xmit(sk, skb);</span>"))
    #expect(renamed.contains("<span class=\"line added path\"><a href=\"../2.0/source/net/ipv4/tcp.c.html#L11\""))
    // The split: dev_queue_xmit (step 4 in 1.0) is steps 4 and 5 in 2.0, the inline wrapper in netdevice.h:17.
    let split = try #require(section(page, id: "diff-send-dev_queue_xmit"))
    #expect(split.contains("../1.0/walk/diff/send.html#step-4\""))
    #expect(split.contains("../2.0/walk/diff/send.html#step-4\""))
    #expect(split.contains("../2.0/walk/diff/send.html#step-5\""))
    #expect(split.contains("../2.0/source/include/linux/netdevice.h.html#L17\""))
  }

  @Test func everyChangedStepOfBothVersionsLinksToItsEntry() throws {
    let d = try #require(model.versionDiff?.diffs.first)
    let changed = d.legs[0].changedHops
    // Every hop of both versions is in a changed entry (8 changed positions: 8 old hops, 9 new ones).
    #expect(changed.flatMap(\.old).count == 8 && changed.flatMap(\.new).count == 9)
    for (label, count) in [("1.0", 8), ("2.0", 9)] {
      let send = try #require(DiffSite.text(files, "\(label)/walk/diff/send.html"))
      #expect(send.components(separatedBy: "<p class=\"diff-link\">").count - 1 == count, "\(label)")
    }
    let old = try #require(DiffSite.text(files, "1.0/walk/diff/send.html"))
    let step1 = try #require(section(old, id: "step-1", tag: "li"))
    #expect(step1.contains("Different in Linux 2.0 (renamed: body): "))
    #expect(step1.contains("<a href=\"../../../diff/1.0-2.0.html#diff-send-tcp_push_pending\">"))
    let new = try #require(DiffSite.text(files, "2.0/walk/diff/send.html"))
    for n in [4, 5] {
      let step = try #require(section(new, id: "step-\(n)", tag: "li"))
      #expect(step.contains("<a href=\"../../../diff/1.0-2.0.html#diff-send-dev_queue_xmit\">"), "step \(n)")
    }
  }

  @Test func theTwoKernelSiteHasNoBrokenLink() throws {
    let (checked, broken) = LinkCheck.check(files)
    #expect(broken.isEmpty, "\(broken.prefix(5))")
    #expect(checked > 200, "only \(checked) links")
    let home = try #require(DiffSite.text(files, "index.html"))
    #expect(home.contains("<a href=\"diff/1.0-2.0.html\">"))
    // Same model, same bytes.
    let again = SiteRenderer.render(try DiffSite.model())
    #expect(again.map(\.relativePath) == files.map(\.relativePath))
    for (a, b) in zip(again, files) { #expect(a.bytes == b.bytes, "\(a.relativePath) differs between two renders") }
  }

  @Test func aFileWithoutASourcePageIsNotLinked() throws {
    var m = model
    m.kernels[0].sources["net/ipv4/tcp.c"] = nil
    let html = try #require(DiffSite.text(SiteRenderer.render(m), "diff/1.0-2.0.html"))
    #expect(!html.contains("1.0/source/net/ipv4/tcp.c.html"))
    #expect(html.contains("<dd><code>net/ipv4/tcp.c:14</code></dd>"))
    #expect(html.contains("<span class=\"line removed path\"><span class=\"ln\">8</span>"))
    #expect(html.contains("../2.0/source/net/ipv4/tcp.c.html#L11"))
  }

  /// The element with `id` up to the next element of the same tag (`section`, `li`); a step (`li`) ends at the next
  /// step, not at an item of its own lists.
  func section(_ html: String, id: String, tag: String = "section") -> String? {
    guard let start = html.range(of: " id=\"\(id)\"") else { return nil }
    let rest = html[start.upperBound...]
    let next = tag == "li" ? "<li class=\"step\"" : "<\(tag) "
    let end = rest.range(of: next)?.lowerBound ?? rest.endIndex
    return String(rest[..<end])
  }
}
