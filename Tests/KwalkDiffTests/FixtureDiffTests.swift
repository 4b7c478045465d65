import Foundation
import KwalkCore
import KwalkGraph
import KwalkTestSupport
import Testing

@testable import KwalkDiff
import KwalkRender

/// One side of a diff fixture pair: indexed, with its walkthrough's path found (by default the `diff` walkthrough of
/// diff-before and diff-after).
func fixtureSide(
  _ tree: String, version: String, defines: [String],
  files: [String] = [
    "net/ipv4/tcp.c", "net/ipv4/ip_output.c", "net/ipv4/route.c", "net/core/dev.c", "drivers/net/loopback.c",
    "kernel/softirq.c",
  ],
  walkthrough: String = "diff"
) throws -> DiffSide {
  var snapshot = try Fixtures.snapshot(tree: tree, files: files, defines: defines)
  snapshot.version = try #require(KernelVersion(version))
  let spec = try WalkthroughSpec.parse(
    try String(contentsOfFile: Fixtures.tree(tree) + "/walkthroughs/\(walkthrough).walk", encoding: .utf8),
    source: "\(walkthrough).walk")
  let paths = try PathFinder(graph: CallGraph(snapshot: snapshot), spec: spec).paths()
  return DiffSide(
    version: snapshot.version, paths: paths, snapshot: snapshot,
    sources: SourceFiles(paths: TreePathMapper(sourceRoot: Fixtures.tree(tree), buildRoot: nil)))
}

/// Every change kind between `diff-before` and `diff-after` (see their README), with the exact report.
@Suite struct FixtureDiffTests {
  let before: DiffSide
  let after: DiffSide

  init() throws {
    before = try fixtureSide("diff-before", version: "1.0", defines: ["CONFIG_RPS"])
    after = try fixtureSide("diff-after", version: "2.0", defines: ["CONFIG_RPS_BACKLOG"])
  }

  /// The expected report, read by hand against the two trees (see diff-before/README.md).
  func expected(_ name: String) throws -> String {
    try String(contentsOfFile: Fixtures.tree("diff-expected") + "/" + name, encoding: .utf8)
  }

  @Test func forwardReportIsExact() throws {
    let d = try PathDiffer(old: before, new: after).diff(walkthrough: "diff")
    #expect(d.text == (try expected("before-after.txt")))
    let hops = d.legs[0].hops
    #expect(hops.map(\.relation) == [.renamed, .same, .same, .split, .same, .same, .same, .same])
    // Rename: both definitions.
    #expect(hops[0].old[0].definition == "net/ipv4/tcp.c:3" && hops[0].new[0].definition == "net/ipv4/tcp.c:6")
    // Pointer call wrapped in INDIRECT_CALL_1.
    #expect(
      hops[1].kind == KindChange(old: "pointer via sk->icsk_af_ops->queue_xmit", new: "macro via INDIRECT_CALL_1"))
    // Signature and the field's type.
    #expect(hops[2].signatures.map(\.subject) == ["function", "field"])
    #expect(hops[2].signatures[1].new == "int (*)(struct net *, struct sk_buff *)")
    // Binding moved from a static initializer into a run-time assignment, gaining a candidate.
    #expect(hops[2].binding?.formChanged == "initializer → assignment")
    #expect(hops[2].binding?.candidatesGained == ["ip_mc_output"])
    // dev_queue_xmit became a static inline wrapper of __dev_queue_xmit.
    #expect(hops[3].new.map(\.callee) == ["dev_queue_xmit", "__dev_queue_xmit"])
    #expect(hops[3].new[0].definition == "include/linux/netdevice.h:17")
    #expect(hops[3].kind == KindChange(old: "direct", new: "inline"))
    #expect(hops[3].tracepoints == nil)
    // A tracepoint added, one moved.
    #expect(hops[4].tracepoints?.added == ["net:net_dev_xmit"])
    #expect(hops[5].tracepoints?.movedHere == ["net:netif_rx ← netif_rx"])
    #expect(d.legs[0].events.new == ["net:net_dev_queue", "net:net_dev_xmit", "net:netif_rx"])
    // Config guard renamed.
    let renamed = ConfigChange.Rename(old: "CONFIG_RPS", new: "CONFIG_RPS_BACKLOG")
    #expect(hops[7].config == ConfigChange(appeared: [], disappeared: [], renamed: [renamed]))
    // Bodies: off the path (a tracepoint line) and on it (the call line itself).
    #expect(hops[4].body?.touchesPath == false && hops[4].body?.added == 1)
    #expect(hops[5].body?.touchesPath == true)
    #expect(d.summary.bodiesChanged == 8 && d.summary.bodiesChangedOnPath == 4)
  }

  @Test func reverseReportIsExact() throws {
    let d = try PathDiffer(old: after, new: before).diff(walkthrough: "diff")
    #expect(d.text == (try expected("after-before.txt")))
    #expect(d.legs[0].hops.map(\.relation) == [.renamed, .same, .same, .merged, .same, .same, .same, .same])
  }

  @Test func sameVersionIsRefused() throws {
    #expect(throws: DiffError.sameVersion("1.0")) { try PathDiffer(old: before, new: before).diff(walkthrough: "diff") }
  }

  @Test func jsonHasSortedKeysAndRoundTrips() throws {
    let d = try PathDiffer(old: before, new: after).diff(walkthrough: "diff")
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let data = try encoder.encode(d)
    #expect(try JSONDecoder().decode(PathDiff.self, from: data) == d)
    let text = String(decoding: data, as: UTF8.self)
    #expect(text.hasPrefix("{\"annotationDrift\":[],\"from\":\"1.0\",\"legs\":"))
    #expect(text.contains("\"summary\":{\"added\":0,"))
  }

  @Test func markdownAndHTML() throws {
    let d = try PathDiffer(old: before, new: after).diff(walkthrough: "diff")
    let md = d.markdown
    #expect(
      md.contains(
        "| tcp_push_frames → tcp_push_pending | renamed, body (on the path) | `tcp_push_frames` net/ipv4/tcp.c:3 | "
          + "`tcp_push_pending` net/ipv4/tcp.c:6 |"))
    #expect(md.contains("```diff\n-    3        int tcp_push_frames(struct sock *sk, struct sk_buff *skb)\n"))
    let html = DiffPage.render([d])
    #expect(
      html.contains(
        "<section class=\"hop-diff\" id=\"diff-send-tcp_push_pending\"><h4><span class=\"relation relation-renamed\">"
          + "renamed</span> <code>tcp_push_frames → tcp_push_pending</code></h4>"))
    #expect(
      html.contains(
        "<span class=\"line removed path\"><span class=\"ln\">8</span><span class=\"op\">-▶</span>"
          + "\tsent = sk-&gt;icsk_af_ops-&gt;queue_xmit(sk, skb);</span>"))
    #expect(!html.contains("->"))
  }
}
