import Foundation
import KwalkGraph
import KwalkTestSupport
import Testing

@testable import KwalkDiff

/// The diff says when a leg's softirq runs from another function (route-runs: the nested holder against the plain
/// transmit, like 5.10 against 6.1), and says nothing when it does not.
@Suite struct RunsChangeTests {
  func receive(nested: Bool) throws -> PacketPath {
    let graph = CallGraph(
      snapshot: try Fixtures.snapshot(
        tree: "route-runs", files: ["net/ipv4/output.c", "net/core/dev.c", "kernel/softirq.c"]))
    var text = try String(contentsOfFile: Fixtures.tree("route-runs") + "/walkthroughs/runs.walk", encoding: .utf8)
    if nested {
      text = text.replacingOccurrences(of: "entry: sendmsg\n", with: "entry: sendmsg_nested\n")
        .replacingOccurrences(of: "finish_output2\n", with: "finish_output2_nested\n")
    }
    return try PathFinder(graph: graph, spec: try WalkthroughSpec.parse(text, source: "runs.walk")).path(direction: "receive")
  }

  @Test func aChainThatStartsElsewhereIsReportedInEveryFormat() throws {
    let (old, new) = (try receive(nested: true), try receive(nested: false))
    let change = try #require(RunsChange.between(old, new))
    #expect(change.old.first == "finish_output2_nested" && change.new.first == "dev_queue_xmit")
    #expect(change.old.last == "net_rx_action" && change.new.last == "net_rx_action")
    #expect(
      change.headline
        == "the softirq runs from finish_output2_nested (net/ipv4/output.c:28), now from dev_queue_xmit (net/core/dev.c:32)")
    var leg = LegDiff(
      direction: "receive", oldHops: old.hops.count, newHops: new.hops.count, hops: [], entryBody: nil,
      events: EventSequenceDiff(old: [], new: []))
    leg.runs = change
    let diff = PathDiff(walkthrough: "runs", from: "5.10", to: "6.1", legs: [leg], annotationDrift: [])
    #expect(diff.text.contains("runs: " + change.headline + "\n  finish_output2_nested → rcu_read_unlock_bh"))
    #expect(diff.markdown.contains("- 6.1: `dev_queue_xmit` → `rcu_read_unlock_bh`"))
  }

  @Test func theSameChainIsNoChange() throws {
    #expect(RunsChange.between(try receive(nested: false), try receive(nested: false)) == nil)
  }
}
