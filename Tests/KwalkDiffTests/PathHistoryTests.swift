import Foundation
import KwalkCore
import KwalkGraph
import KwalkTestSupport
import Testing

@testable import KwalkDiff
import KwalkRender

/// The path across three versions of the diff fixture (before, after, before again): rows chained from the pairwise
/// diffs, so that a renamed function stays on its row and a split adds one.
@Suite struct PathHistoryTests {
  let history: PathHistory
  let sides: [DiffSide]
  let diffs: [PathDiff]

  init() throws {
    let before = try fixtureSide("diff-before", version: "1.0", defines: ["CONFIG_RPS"])
    let after = try fixtureSide("diff-after", version: "2.0", defines: ["CONFIG_RPS_BACKLOG"])
    var again = before
    again.version = try #require(KernelVersion("3.0"))
    sides = [before, after, again]
    diffs = [
      try PathDiffer(old: before, new: after).diff(walkthrough: "diff"),
      try PathDiffer(old: after, new: again).diff(walkthrough: "diff"),
    ]
    history = PathHistory.build(
      walkthrough: "diff", kernels: ["1.0", "2.0", "3.0"], labels: ["1", "2", "3"], paths: sides.map(\.paths),
      diffs: diffs)
  }

  @Test func everyColumnReadsItsOwnPathInOrder() throws {
    for (l, leg) in history.legs.enumerated() {
      for k in 0..<3 {
        #expect(leg.rows.compactMap { $0.cells[k]?.callee } == sides[k].paths[l].hops.map(\.callee))
      }
    }
  }

  @Test func renameStaysOnItsRowAndSplitAddsOne() throws {
    let rows = history.legs[0].rows
    let first = try #require(rows.first)
    #expect(first.cells[0]?.callee != first.cells[1]?.callee && first.cells[1]?.changes.contains("renamed") == true)
    #expect(first.cells[1]?.diffAnchor == PathHistory.anchors(walkthrough: "diff", leg: diffs[0].legs[0]).first)
    #expect(first.cells[0]?.changes == [])
    let inner = try #require(rows.first { $0.cells[1]?.callee == "__dev_queue_xmit" })
    #expect(inner.cells[0] == nil && inner.cells[2] == nil && inner.cells[1]?.changes == ["split"])
    let wrapper = try #require(rows.first { $0.cells[1]?.callee == "dev_queue_xmit" })
    #expect(wrapper.cells[0]?.callee == "dev_queue_xmit" && wrapper.cells[1]?.changes.contains("kind") == true)
    // The site's diff page names the same anchors.
    #expect(DiffPage.anchors(walkthrough: "diff", leg: diffs[0].legs[0])
      == PathHistory.anchors(walkthrough: "diff", leg: diffs[0].legs[0]))
  }

  @Test func formatsLinkEachChangeToItsDiffEntry() throws {
    let anchor = try #require(history.legs[0].rows[0].cells[1]?.diffAnchor)
    #expect(history.text.contains("2.0: renamed") && history.text.contains("(diff/1-2.html#\(anchor))"))
    #expect(history.markdown.contains("](diff/1-2.html#\(anchor))"))
    let html = HistoryPage.render([history])
    #expect(html.contains("href=\"diff/1-2.html#\(anchor)\""))
    let json = try JSONEncoder().encode(history)
    #expect(try JSONDecoder().decode(PathHistory.self, from: json) == history)
  }
}
