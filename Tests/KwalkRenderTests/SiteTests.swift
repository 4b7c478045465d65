import Foundation
import KwalkAnnotate
import KwalkCore
import KwalkGraph
import KwalkRender
import KwalkTestSupport
import Testing

/// The site model and pages on linux-mini.
enum MiniSite {
  static let units = ["net/core/dev.c", "drivers/net/loopback.c", "net/ipv4/ip_input.c", "kernel/softirq.c"]

  /// The model `kwalk site` would build for linux-mini, without the graph picture (Graphviz's SVG is checked in
  /// the browser test); with `report`, the annotation drift report too.
  static func model(report: Bool = false) throws -> SiteModel {
    let snapshot = try Fixtures.snapshot(tree: "linux-mini", files: units)
    let spec = try WalkthroughSpec.parse(
      try String(contentsOfFile: Fixtures.tree("linux-mini") + "/walkthroughs/mini.walk", encoding: .utf8),
      source: "mini.walk")
    let paths = try PathFinder(graph: CallGraph(snapshot: snapshot), spec: spec).paths()
    let builder = SiteModelBuilder(functions: snapshot.functions)
    let files = builder.files(touchedBy: paths)
    let read = try Fixtures.tokenized(tree: "linux-mini", files: files.map(\.value), units: units)
    var sources: [SourcePath: SourceFile] = [:]
    for (p, s) in read { sources[p] = builder.sourceFile(s, pages: Set(read.keys)) }
    let notes = try AnnotationParser.loadAll(from: Fixtures.tree("linux-mini") + "/annotations")
    let resolved = AnchorResolver(snapshot: snapshot, record: AnchorRecord()) { read[$0]?.text }.resolve(notes)
    let attached = paths.map { AnnotationJoin.attach(resolved, to: $0) }
    let w = SiteModel.Walkthrough(
      spec: spec, legs: zip(paths, attached).map { builder.leg($0, sources: read, notes: $1) },
      overview: (attached.first?.overview ?? []).map(AnnotationNote.init))
    for (p, refs) in SiteModelBuilder.stepReferences([w]) { sources[p]?.steps = refs }
    return SiteModel(kernels: [
      SiteModel.Kernel(
        label: "mini", version: "0.0", debianPackage: nil, config: "none", walkthroughs: [w], sources: sources,
        annotationReport: report ? AnnotationReport.Kernel(label: "mini", version: "0.0", entries: resolved) : nil)
    ])
  }
}

@Suite struct SiteTests {
  @Test func markdownSteps() throws {
    let m = try MiniSite.model()
    let k = m.kernels[0]
    let md = MarkdownWalkthrough.render(k.walkthroughs[0], kernel: k)
    #expect(md.contains("### 3. `netdev_start_xmit` → `loopback_xmit` — pointer\n"))
    let line = try Fixtures.line(of: "ndo_start_xmit:pointer", in: "include/linux/netdevice.h")
    #expect(
      md.contains(
        "- call site: [`include/linux/netdevice.h:\(line)`](../../mini/source/include/linux/netdevice.h.html#L\(line)) "
          + "via `ops->ndo_start_xmit`\n"))
    #expect(md.contains("- chosen because the backlog is the only NAPI instance here\n"))
    #expect(md.contains("  n0 -->|direct| n1\n"))
    #expect(md.contains("==>|softirq|"))
    // The excerpt stays inside the calling function (netdevice.h's netdev_start_xmit).
    #expect(
      md.contains(
        "```c\n{\n\tconst struct net_device_ops *ops = dev->netdev_ops;\n\n"
          + "\treturn ops->ndo_start_xmit(skb, dev); /*ndo_start_xmit:pointer*/\n}\n```\n"))
  }

  @Test func sourceReferencesLinkToDefinitions() throws {
    let k = try MiniSite.model().kernels[0]
    let dev = try #require(k.sources["net/core/dev.c"])
    let text = dev.source.text
    let named = dev.references.map { (text.text($0.offset..<($0.offset + $0.length)), $0.target) }
    let line = try Fixtures.line(of: "netdev_start_xmit:inline", in: "net/core/dev.c")
    let call = try #require(named.first { $0.0 == "netdev_start_xmit" })
    #expect(call.1.path == "include/linux/netdevice.h", "a header inline's definition")
    #expect(dev.references.contains { text.lineNumber(atOffset: $0.offset) == line })
    // A name at its own definition does not link to itself.
    let defLine = try #require(
      text.lineNumber(atOffset: 0) == 1
        ? (1...text.lineCount).first { text.line($0) == "void consume_skb(struct sk_buff *skb)" } : nil)
    #expect(!dev.references.contains { text.lineNumber(atOffset: $0.offset) == defLine })
  }

  @Test func atomicAndDeterministic() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kwalk-site-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let first = SiteRenderer.render(try MiniSite.model())
    let second = SiteRenderer.render(try MiniSite.model())
    #expect(first.map(\.relativePath) == second.map(\.relativePath))
    for (a, b) in zip(first, second) { #expect(a.bytes == b.bytes, "\(a.relativePath) differs between two renders") }
    try DirectorySink(directory: dir).write(first)
    let before = try Data(contentsOf: URL(fileURLWithPath: dir + "/markdown/mini/mini.md"))
    try DirectorySink(directory: dir).write(second)
    #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/markdown/mini/mini.md")) == before)
    let leftovers = try FileManager.default.contentsOfDirectory(
      atPath: URL(fileURLWithPath: dir).deletingLastPathComponent().path
    ).filter { $0.contains(URL(fileURLWithPath: dir).lastPathComponent + ".") }
    #expect(leftovers.isEmpty, "\(leftovers)")
  }

  @Test func aFailedWriteLeavesThePreviousSite() throws {
    let parent = FileManager.default.temporaryDirectory.appendingPathComponent("kwalk-sink-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: parent) }
    let dir = parent.appendingPathComponent("site").path
    try DirectorySink(directory: dir).write([RenderedFile("index.html", "old\n")])
    // "a" is a file, so "a/b.html" cannot be written.
    #expect(throws: (any Error).self) {
      try DirectorySink(directory: dir).write([RenderedFile("a", "x"), RenderedFile("a/b.html", "y")])
    }
    #expect(try String(contentsOfFile: dir + "/index.html", encoding: .utf8) == "old\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["site"])
  }

  @Test func homeLinksReportsOnlyWhenTheModelHasThem() throws {
    var model = try MiniSite.model()
    let home = { (m: SiteModel) in
      String(decoding: SiteRenderer.render(m).first { $0.relativePath == "index.html" }!.bytes, as: UTF8.self)
    }
    #expect(!home(model).contains("diff/") && !home(model).contains("drift"))
    model.versionDiff = SiteModel.VersionDiff(page: "diff/a-b.html", diffs: [])
    model.driftReportPage = "reports/drift.html"
    #expect(SiteRenderer.render(model).contains { $0.relativePath == "diff/a-b.html" })
    #expect(
      home(model).contains("<a href=\"diff/a-b.html\">") && home(model).contains("<a href=\"reports/drift.html\">"))
    #expect(home(model).contains("<a href=\"mini/walk/mini/send.html\">send (6 steps)</a>"))
  }

  @Test func simulatorLinkOnlyWhenThePageExists() throws {
    var model = try MiniSite.model()
    let send = { (m: SiteModel) in
      String(decoding: SiteRenderer.render(m).first { $0.relativePath == "mini/walk/mini/send.html" }!.bytes, as: UTF8.self)
    }
    #expect(!send(model).contains("simulator"))
    model.kernels[0].walkthroughs[0].legs[0].simulatorPage = "simulator/mini.html"
    #expect(send(model).contains("<a href=\"../../../simulator/mini.html#hop=send-2\">see it in the simulator</a>"))
  }

  @Test func relativeLinks() {
    #expect(
      SitePaths.relative(from: "6.1/walk/tcp-ipv4/send.html", to: "6.1/source/net/core/dev.c.html", fragment: "L5")
        == "../../source/net/core/dev.c.html#L5")
    #expect(
      SitePaths.relative(from: "6.1/walk/tcp-ipv4/send.html", to: "6.1/walk/tcp-ipv4/receive.html") == "receive.html")
    #expect(SitePaths.relative(from: "index.html", to: "6.1/walk/a/b.html") == "6.1/walk/a/b.html")
    #expect(SitePaths.relative(from: "markdown/6.1/a.md", to: "index.html") == "../../index.html")
    #expect(SitePaths.relative(from: "a/b.html", to: "a/b.html", fragment: "step-2") == "#step-2")
  }

  @Test func escapingHappensInOnePlace() {
    let node = HTMLNode.tag("a", ["href": "x?a=1&b=\"2\""], [.text("<b> & co")])
    #expect(node.render() == "<a href=\"x?a=1&amp;b=&quot;2&quot;\">&lt;b&gt; &amp; co</a>")
    #expect(HTMLNode.tag("p", [:], [.text("a"), .trusted("<svg/>")]).render() == "<p>a<svg/></p>\n")
    #expect(HTMLNode.escape("<a & \"b\">") == "&lt;a &amp; &quot;b&quot;&gt;")
  }
}

/// The Markdown subset annotation bodies use, as HTML nodes.
@Suite struct MarkdownHTMLTests {
  func html(_ md: String) -> String { MarkdownHTML.nodes(md).map { $0.render() }.joined() }

  @Test func paragraphsListsCodeAndBold() {
    #expect(
      html("One `a<b` and **bold**\nline two.\n\nNext.")
        == "<p>One <code>a&lt;b</code> and <strong>bold</strong> line two.</p>\n<p>Next.</p>\n")
    #expect(
      html("Intro:\n- one\n- two `x`\n\n1. first\n2. second")
        == "<p>Intro:</p>\n<ul><li>one</li>\n<li>two <code>x</code></li>\n</ul>\n"
        + "<ol><li>first</li>\n<li>second</li>\n</ol>\n")
    #expect(html("```\nint *p = &x;\n```") == "<pre><code>int *p = &amp;x;</code></pre>\n")
    #expect(html("a ** b and `open") == "<p>a ** b and `open</p>\n")
  }
}

/// The Graphviz text behind each walkthrough page's picture.
@Suite struct SiteGraphTests {
  @Test func nodesLinkToStepsAndEdgesCarryTheirKind() throws {
    let leg = try MiniSite.model().kernels[0].walkthroughs[0].legs[0]
    let dot = DotWriter.siteDot(leg.path)
    #expect(dot.contains("\"dev_queue_xmit\" [URL=\"#step-1\""), "the entry links to step 1")
    #expect(dot.contains("\"loopback_xmit\" [URL=\"#step-3\""), "a callee links to the step that reaches it")
    #expect(
      dot.contains(
        "\"netdev_start_xmit\" -> \"loopback_xmit\" [style=bold, color=\"#1f5fbf\", label=\" pointer\", URL=\"#step-3\""
      ))
    #expect(dot.contains("class=\"kind-inline\"") && dot.contains("style=dotted"))
    #expect(SiteModel.svgElement("<?xml x?>\n<!DOCTYPE svg>\n<svg a=\"1\"><g/></svg>\n") == "<svg a=\"1\"><g/></svg>")
  }
}
