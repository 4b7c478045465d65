import Foundation
import KwalkGraph
import KwalkRender
import KwalkTestSupport
import Testing

/// The Markdown walkthrough and the atomic, deterministic site output on linux-mini.
@Suite struct SiteTests {
  func model() throws -> SiteModel {
    let snapshot = try Fixtures.snapshot(
      tree: "linux-mini", files: ["net/core/dev.c", "drivers/net/loopback.c", "net/ipv4/ip_input.c", "kernel/softirq.c"])
    let spec = try WalkthroughSpec.parse(
      try String(contentsOfFile: Fixtures.tree("linux-mini") + "/walkthroughs/mini.walk", encoding: .utf8),
      source: "mini.walk")
    let paths = try PathFinder(graph: CallGraph(snapshot: snapshot), spec: spec).paths()
    return SiteModel(kernels: [
      SiteModel.Kernel(label: "mini", version: "0.0", debianPackage: nil, config: "none", walkthroughs: [(spec, paths)])
    ])
  }

  @Test func markdownSteps() throws {
    let m = try model()
    let k = m.kernels[0]
    let md = MarkdownWalkthrough.render(spec: k.walkthroughs[0].spec, paths: k.walkthroughs[0].paths, kernel: k)
    #expect(md.contains("### 3. `netdev_start_xmit` → `loopback_xmit` — pointer\n"))
    #expect(md.contains("- call site: `include/linux/netdevice.h:33` via `ops->ndo_start_xmit`\n"))
    #expect(md.contains("- chosen because the backlog is the only NAPI instance here\n"))
    #expect(md.contains("  n0 -->|direct| n1\n"))
    #expect(md.contains("==>|softirq|"))
  }

  @Test func atomicAndDeterministic() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kwalk-site-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let files = SiteRenderer.render(try model())
    try DirectorySink(directory: dir).write(files)
    let first = try Data(contentsOf: URL(fileURLWithPath: dir + "/markdown/mini/mini.md"))
    try DirectorySink(directory: dir).write(SiteRenderer.render(try model()))
    #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/markdown/mini/mini.md")) == first)
    #expect(HTMLIndex.escape("<a & \"b\">") == "&lt;a &amp; &quot;b&quot;&gt;")
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: URL(fileURLWithPath: dir).deletingLastPathComponent().path)
      .filter { $0.contains(URL(fileURLWithPath: dir).lastPathComponent + ".tmp") }
    #expect(leftovers.isEmpty)
  }
}
