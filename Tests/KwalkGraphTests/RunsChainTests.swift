import Foundation
import KwalkCore
import KwalkGraph
import KwalkIndex
import KwalkTestSupport
import Testing

/// Where a leg's softirq runs (`runs:`) on route-runs (see its README.md): the chain starts at the outermost
/// function of the previous leg that holds bottom halves off around its onward call, at the enable it leaves through.
@Suite struct RunsChainTests {
  let graph: CallGraph
  let written: String

  init() throws {
    graph = CallGraph(
      snapshot: try Fixtures.snapshot(
        tree: "route-runs", files: ["net/ipv4/output.c", "net/core/dev.c", "kernel/softirq.c"]))
    written = try String(contentsOfFile: Fixtures.tree("route-runs") + "/walkthroughs/runs.walk", encoding: .utf8)
  }

  /// The shipped fixture spec with `lines` replaced.
  func receive(_ replacing: [String: String] = [:]) throws -> PacketPath {
    var text = written
    for (old, new) in replacing { text = text.replacingOccurrences(of: old, with: new) }
    let spec = try WalkthroughSpec.parse(text, source: "runs.walk")
    return try PathFinder(graph: graph, spec: spec).path(direction: "receive")
  }

  func chain(_ p: PacketPath) -> [String] { p.runsFunctions }

  @Test func theSoftirqRunsWhereTheTransmitEnablesBottomHalvesAtItsSharedExit() throws {
    let p = try receive()
    #expect(
      chain(p) == [
        "dev_queue_xmit", "rcu_read_unlock_bh", "local_bh_enable", "__local_bh_enable_ip", "do_softirq",
        "__do_softirq", "net_rx_action",
      ])
    // The transmit leaves through `out:` (dev.c:32), not the enable before `return -1` on the failure path (:29).
    #expect(p.runs[0].callsite == Hop.Place(file: "net/core/dev.c", line: 32))
    #expect(p.runs[0].kind == .inline)
  }

  @Test func anOuterHolderRunsItInsteadWhenTheTransmitIsNested() throws {
    let p = try receive(["entry: sendmsg\n": "entry: sendmsg_nested\n", "finish_output2\n": "finish_output2_nested\n"])
    #expect(chain(p).prefix(4) == ["finish_output2_nested", "rcu_read_unlock_bh", "local_bh_enable", "__local_bh_enable_ip"])
    // The enable right after the transmit, in its own block (output.c:28), not the one after the block (:31).
    #expect(p.runs[0].callsite == Hop.Place(file: "net/ipv4/output.c", line: 28))
  }

  @Test func aStartOnTheLegIsKeptAsWritten() throws {
    let p = try receive([
      "entry: sendmsg\n": "entry: sendmsg_nested\n", "finish_output2\n": "finish_output2_nested\n",
      "runs: do_softirq": "runs: dev_queue_xmit, __local_bh_enable_ip, do_softirq",
    ])
    #expect(chain(p).first == "dev_queue_xmit")
    #expect(chain(p).last == "net_rx_action")
  }

  @Test func optionalAndRenamedRunsStopsResolvePerKernel() throws {
    let p = try receive(["runs: do_softirq, __do_softirq": "runs: do_softirq, handle_softirqs?, do_softirq_own | __do_softirq"])
    #expect(chain(p).suffix(3) == ["do_softirq", "__do_softirq", "net_rx_action"])
  }

  @Test func aLegThatNeverHoldsBottomHalvesOffIsAnErrorSayingWhatToWrite() throws {
    #expect {
      _ = try receive(["entry: sendmsg\n": "entry: dev_hard_start_xmit\n", "waypoints: finish_output2\n": ""])
    } throws: { error in
      let text = "\(error)"
      return text.contains("'runs:' begins at do_softirq, which is not on the send leg")
        && text.contains("no function on the send leg disables bottom halves") && !text.contains("\n")
    }
  }
}
