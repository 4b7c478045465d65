import Foundation
import KwalkCore
import KwalkRender
import Testing

/// Whole pages of the linux-mini site against files under `Snapshots/` (re-record with RECORD_SNAPSHOTS=1).
@Suite struct GoldenTests {
  func file(_ path: String) throws -> String {
    let files = SiteRenderer.render(try MiniSite.model())
    let f = try #require(files.first { $0.relativePath == path }, "\(files.map(\.relativePath))")
    return String(decoding: f.bytes, as: UTF8.self)
  }

  @Test func walkthroughPage() throws {
    assertSnapshot(try file("mini/walk/mini/send.html"), named: "mini-walk-send.html")
  }

  @Test func sourcePage() throws {
    assertSnapshot(try file("mini/source/net/core/dev.c.html"), named: "mini-source-dev.c.html")
  }

  @Test func markdownFile() throws {
    assertSnapshot(try file("markdown/mini/mini.md"), named: "mini.md")
  }

  @Test func siteFiles() throws {
    let paths = SiteRenderer.render(try MiniSite.model()).map(\.relativePath)
    #expect(
      paths == [
        "assets/kwalk.css", "index.html", "markdown/mini/mini.md", "mini/source/drivers/net/loopback.c.html",
        // INDIRECT_CALL_2's definition (a macro hop) and NF_HOOK's call of okfn (a pointer hop).
        "mini/source/include/linux/indirect_call_wrapper.h.html", "mini/source/include/linux/netdevice.h.html",
        "mini/source/include/linux/netfilter.h.html", "mini/source/kernel/softirq.c.html",
        "mini/source/net/core/dev.c.html", "mini/source/net/ipv4/ip_input.c.html", "mini/walk/mini/receive.html",
        "mini/walk/mini/send.html",
      ])
  }
}
