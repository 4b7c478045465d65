import Foundation
import KwalkDiff
import KwalkRender
import Testing

/// A site of three kernels (`DiffSite.threeKernelModel`): a diff page per pair of consecutive kernels, each step
/// linked to the same step in the other versions and to its diff entries, and the history on the home page. The
/// expected steps come from Tests/Fixtures/diff-expected/before-after.txt: tcp_push_frames (1.0, 3.0) is
/// tcp_push_pending in 2.0, step 1 in each, and 1.0's step 4 (dev_queue_xmit) is split into 2.0's steps 4 and 5.
@Suite struct VersionsSiteTests {
  let files: [RenderedFile]

  init() throws { files = SiteRenderer.render(try DiffSite.threeKernelModel()) }

  func text(_ path: String) throws -> String { try #require(DiffSite.text(files, path), "\(path) not written") }

  @Test func oneDiffPagePerConsecutivePairAndNoBrokenLink() throws {
    let diffPages = files.map(\.relativePath).filter { $0.hasPrefix("diff/") }
    #expect(diffPages == ["diff/1.0-2.0.html", "diff/2.0-3.0.html"])
    #expect(files.contains { $0.relativePath == SitePaths.history })
    let (checked, broken) = LinkCheck.check(files)
    #expect(broken.isEmpty, "\(broken.prefix(5))")
    #expect(checked > 300, "only \(checked) links")
    // Deterministic: the same model renders the same bytes.
    let again = SiteRenderer.render(try DiffSite.threeKernelModel())
    #expect(again.map(\.relativePath) == files.map(\.relativePath) && again.map(\.bytes) == files.map(\.bytes))
  }

  @Test func aStepLinksTheSameStepInEveryOtherVersionFollowingTheRename() throws {
    let old = try text("1.0/walk/diff/send.html")
    let step1 = try #require(section(old, id: "step-1"))
    let nav = try #require(section(step1, from: "<nav class=\"versions\"", to: "</nav>"))
    #expect(nav.contains("<li class=\"current\">1.0</li>"))
    #expect(
      nav.contains(
        "<a href=\"../../../2.0/walk/diff/send.html#step-1\">2.0: step 1 (tcp_push_pending)</a> (renamed, body since 1.0)"
      ), "\(nav)")
    #expect(nav.contains("<a href=\"../../../3.0/walk/diff/send.html#step-1\">3.0: step 1</a> (renamed, body since 2.0)"))
    // The split: 2.0's step 5 (the new hop into __dev_queue_xmit) has no counterpart in 1.0 or 3.0.
    let new = try text("2.0/walk/diff/send.html")
    let step5 = try #require(section(new, id: "step-5"))
    #expect(step5.contains("<li class=\"absent\">1.0: —</li>") && step5.contains("<li class=\"absent\">3.0: —</li>"))
  }

  @Test func aMiddleKernelsStepLinksToBothDiffs() throws {
    let new = try text("2.0/walk/diff/send.html")
    let step1 = try #require(section(new, id: "step-1"))
    let links = step1.components(separatedBy: "<p class=\"diff-link\">").dropFirst()
    #expect(links.count == 2)
    #expect(links.first?.contains("Different in Linux 1.0 (renamed: body)") == true)
    #expect(links.first?.contains("href=\"../../../diff/1.0-2.0.html#diff-send-tcp_push_pending\"") == true)
    #expect(links.last?.contains("Different in Linux 3.0 (renamed: body)") == true)
    #expect(links.last?.contains("href=\"../../../diff/2.0-3.0.html#diff-send-tcp_push_frames\"") == true)
    // The first and last kernels link to their one diff.
    let first = try #require(section(try text("1.0/walk/diff/send.html"), id: "step-1"))
    #expect(first.components(separatedBy: "<p class=\"diff-link\">").count == 2)
  }

  @Test func theHomePageHasTheHistoryTable() throws {
    let home = try text("index.html")
    let table = try #require(section(home, from: "<section class=\"history\" id=\"history\">", to: "</section>"))
    #expect(table.contains("<th>1.0</th><th>2.0</th><th>3.0</th>"))
    #expect(table.contains("<a href=\"history.html#history-diff-send\">send</a>"))
    #expect(table.contains("<a href=\"1.0/walk/diff/send.html\">8 hops</a>"))
    #expect(table.contains("<a href=\"2.0/walk/diff/send.html\">9 hops</a>"))
    #expect(table.contains("<a href=\"3.0/walk/diff/send.html\">8 hops</a>"))
    #expect(table.contains("<a href=\"diff/1.0-2.0.html#diff-send\">"), "\(table)")
    #expect(table.contains("<a href=\"diff/2.0-3.0.html#diff-send\">"))
    #expect(table.contains("renamed") && table.contains("split") && table.contains("removed"))
    // The history page: one table per leg, each changed cell linked to its diff entry.
    let history = try text(SitePaths.history)
    #expect(history.contains("id=\"history-diff-send\""))
    #expect(history.contains("href=\"diff/1.0-2.0.html#diff-send-tcp_push_pending\""))
    #expect(history.contains("href=\"diff/2.0-3.0.html#diff-send-tcp_push_frames\""))
  }

  @Test func twoKernelsKeepOneDiffPage() throws {
    let two = SiteRenderer.render(try DiffSite.model())
    #expect(two.map(\.relativePath).filter { $0.hasPrefix("diff/") } == ["diff/1.0-2.0.html"])
    let home = try #require(DiffSite.text(two, "index.html"))
    #expect(home.contains("What changed between versions") && home.contains("id=\"history\""))
  }

  /// The step `li` with `id`, up to the next step.
  func section(_ html: String, id: String) -> String? {
    guard let start = html.range(of: " id=\"\(id)\"") else { return nil }
    let rest = html[start.upperBound...]
    return String(rest[..<(rest.range(of: "<li class=\"step\"")?.lowerBound ?? rest.endIndex)])
  }

  /// From `from` to the first `to` after it.
  func section(_ html: String, from: String, to: String) -> String? {
    guard let start = html.range(of: from) else { return nil }
    let rest = html[start.lowerBound...]
    return String(rest[..<(rest.range(of: to)?.upperBound ?? rest.endIndex)])
  }
}
