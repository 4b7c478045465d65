import Foundation
import KwalkCore
import KwalkGraph
import KwalkRender
import KwalkTestSupport
import Testing

/// The "Tune", "Watch" and "Drops" boxes and the "What to watch on this path" table on obs-mini's pages.
enum ObsSite {
  static func model() throws -> SiteModel {
    let fixture = try ObsFixture()
    let (snapshot, spec, paths) = (fixture.snapshot, fixture.spec, fixture.paths)
    let builder = SiteModelBuilder(functions: snapshot.functions)
    let files = builder.files(touchedBy: paths)
    let read = try Fixtures.tokenized(tree: "obs-mini", files: files.map(\.value), units: ObsFixture.units)
    var sources: [SourcePath: SourceFile] = [:]
    for (p, s) in read { sources[p] = builder.sourceFile(s, pages: Set(read.keys)) }
    let join = ObservabilityJoin(snapshot: snapshot)
    let legs = paths.map { path -> SiteModel.Leg in
      var leg = builder.leg(path, sources: read)
      leg.attachWatch(join)
      return leg
    }
    let w = SiteModel.Walkthrough(spec: spec, legs: legs)
    return SiteModel(kernels: [
      SiteModel.Kernel(
        label: "obs", version: "0.0", debianPackage: nil, config: "none", walkthroughs: [w], sources: sources)
    ])
  }
}

@Suite struct WatchPageTests {
  func file(_ path: String) throws -> String {
    let files = SiteRenderer.render(try ObsSite.model())
    let f = try #require(files.first { $0.relativePath == path }, "\(files.map(\.relativePath))")
    return String(decoding: f.bytes, as: UTF8.self)
  }

  @Test func receivePage() throws {
    let page = try file("obs/walk/obs/receive.html")
    #expect(page.contains("<h2>What to watch on this path</h2>"))
    // The leg's entry is no step's callee: its sysctls get a box of their own and the table's first rows.
    #expect(page.contains("<h2>Where the leg starts: <code>net_rx_action</code></h2>"))
    #expect(page.contains("<td>entry <code>net_rx_action</code></td><td>tune</td>"))
    assertSnapshot(page, named: "obs-walk-receive.html")
  }

  @Test func markdown() throws {
    let md = try file("markdown/obs/obs.md")
    #expect(md.contains("**Tune**\n\n- `net.core.netdev_max_backlog` (default `1000`)"))
    assertSnapshot(md, named: "obs.md")
  }
}
