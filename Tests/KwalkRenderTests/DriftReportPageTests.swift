import Foundation
import KwalkAnnotate
import KwalkCore
import KwalkRender
import KwalkTestSupport
import Testing

/// The annotation drift page on the anchors-before/after pair (statuses as Tests/KwalkAnnotateTests proves them)
/// and the walkthrough notes that link to it.
@Suite struct DriftReportPageTests {
  /// Two kernels, `before` and `after`; `before` has a source page for net/a.c, `after` too but none for net/b.c.
  static func model() throws -> SiteModel {
    let notes = try AnnotationParser.loadAll(from: Fixtures.tree("anchors-notes"))
    let before = try Fixtures.snapshot(tree: "anchors-before", files: ["net/a.c"])
    let after = try Fixtures.snapshot(tree: "anchors-after", files: ["net/a.c", "net/b.c"])
    let first = AnchorResolver(
      snapshot: before, record: AnchorRecord(), source: Fixtures.sourceReader(tree: "anchors-before")
    ).resolve(notes)
    let record = AnchorRecord(resolved: first, kernel: "before")
    let placedBefore = AnchorResolver(
      snapshot: before, record: record, source: Fixtures.sourceReader(tree: "anchors-before")
    ).resolve(notes)
    let placedAfter = AnchorResolver(
      snapshot: after, record: record, source: Fixtures.sourceReader(tree: "anchors-after")
    ).resolve(notes)
    func kernel(_ label: String, _ tree: String, _ entries: [ResolvedAnnotation]) throws -> SiteModel.Kernel {
      let read = try Fixtures.tokenized(tree: tree, files: ["net/a.c"], units: ["net/a.c"])
      let version = label == "before" ? "1.0" : "2.0"
      return SiteModel.Kernel(
        label: label, version: version, debianPackage: nil, config: "none", walkthroughs: [],
        sources: read.mapValues { SourceFile(source: $0, references: []) },
        annotationReport: AnnotationReport.Kernel(label: label, version: version, entries: entries))
    }
    return SiteModel(kernels: [
      try kernel("before", "anchors-before", placedBefore), try kernel("after", "anchors-after", placedAfter),
    ])
  }

  @Test func pageGolden() throws {
    let files = SiteRenderer.render(try Self.model())
    assertSnapshot(try #require(DiffSite.text(files, "annotations.html")), named: "annotations.html")
  }

  @Test func rowsStatusesLocationsAndChangedText() throws {
    let model = try Self.model()
    let files = SiteRenderer.render(model)
    let html = try #require(DiffSite.text(files, "annotations.html"))
    // Counts: one row per kernel, one cell per status, computed from the entries.
    for k in model.kernels {
      let r = try #require(k.annotationReport)
      let cells = r.counts.map { "<td class=\"n\">\($0.1)</td>" }.joined()
      #expect(html.contains(cells + "<td class=\"n\">\(r.entries.count)</td>"), "\(k.label)")
      #expect(r.entries.allSatisfy { html.contains("<tr id=\"note-\(k.label)-\($0.annotation.id)\">") })
    }
    // Before: every anchor exact (AnchorResolverTests), so no other status word in its rows.
    #expect(model.kernels[0].annotationReport!.entries.allSatisfy { $0.status == .exact })
    // Gamma's quote was reworded: changed, at a.c:27, with the old and new statement.
    let gamma = try #require(row(html, "note-after-mini.send.gamma"))
    #expect(gamma.contains("<span class=\"badge status-changed\">changed</span>"))
    #expect(gamma.contains("<a href=\"after/source/net/a.c.html#L27\" class=\"place\"><code>net/a.c:27</code></a>"))
    #expect(gamma.contains("<dt>was</dt>\n<dd><code>err = helper_two ( skb , 0 ) ;</code></dd>"))
    #expect(gamma.contains("<dt>now</dt>\n<dd><code>err = helper_two ( skb , skb - &gt; mark , 0 ) ;</code></dd>"))
    // Beta moved to net/b.c, which has no source page here: shown, not linked.
    let beta = try #require(row(html, "note-after-mini.send.beta"))
    #expect(beta.contains("status-moved\">moved</span>") && beta.contains("<td><code>net/b.c:8</code></td>"))
    // Delta's function is gone.
    let delta = try #require(row(html, "note-after-mini.send.delta"))
    #expect(delta.contains("status-orphaned\">orphaned</span>") && delta.contains("nowhere"))
    let (_, broken) = LinkCheck.check(files)
    #expect(broken.isEmpty, "\(broken.prefix(5))")
  }

  @Test func homeAndStepNotesLinkToTheReport() throws {
    let files = SiteRenderer.render(try MiniSite.model(report: true))
    let home = try #require(DiffSite.text(files, "index.html"))
    #expect(home.contains("<a href=\"annotations.html\">Annotation drift report</a>"))
    #expect(home.contains("<a href=\"markdown/annotation-drift.md\">"))
    let send = try #require(DiffSite.text(files, "mini/walk/mini/send.html"))
    let links = LinkCheck.values(of: "href", in: send).filter { $0.hasPrefix("../../../annotations.html#note-mini-") }
    let notes = send.components(separatedBy: "<aside class=\"note").count - 1
    #expect(notes > 0 && links.count == notes, "\(links.count) of \(notes) notes link to the report")
    let (checked, broken) = LinkCheck.check(files)
    #expect(broken.isEmpty && checked > 100, "\(broken.prefix(5))")
    // Without the report, no note links anywhere.
    let plain = try #require(DiffSite.text(SiteRenderer.render(try MiniSite.model()), "mini/walk/mini/send.html"))
    #expect(!plain.contains("annotations.html"))
  }

  /// The row with `id`.
  func row(_ html: String, _ id: String) -> String? {
    guard let start = html.range(of: "<tr id=\"\(id)\">") else { return nil }
    let rest = html[start.upperBound...]
    return String(rest[..<(rest.range(of: "</tr>")?.lowerBound ?? rest.endIndex)])
  }
}
