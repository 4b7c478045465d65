import Foundation
import KwalkCore
import KwalkGraph
import KwalkIndex
import KwalkTestSupport
import Testing

/// The route finder's evidence on route-rank (see its README.md): each leg has a shorter route that a packet in
/// the scenario does not take, and the finder must take the other one and show the shorter as not taken, with the
/// condition that separates them.
@Suite struct RouteRankingTests {
  let graph: CallGraph
  let spec: WalkthroughSpec

  init() throws {
    let snapshot = try Fixtures.snapshot(
      tree: "route-rank",
      files: ["net/core/push.c", "net/core/steer.c", "net/core/deliver.c", "net/ipv6/send6.c", "net/core/fastpath.c"])
    graph = CallGraph(snapshot: snapshot)
    spec = try WalkthroughSpec.parse(
      try String(contentsOfFile: Fixtures.tree("route-rank") + "/walkthroughs/rank.walk", encoding: .utf8),
      source: "rank.walk")
  }

  func leg(_ direction: String, scenario: String = "") throws -> PacketPath {
    var s = spec
    if !scenario.isEmpty {
      s.scenario = try WalkthroughSpec.parse(
        "name: s\n[l]\nentry: a\nexit: b\n[scenario]\n" + scenario, source: "scenario.walk"
      ).scenario
    }
    return try PathFinder(graph: graph, spec: s).path(direction: direction)
  }

  func route(_ p: PacketPath) -> [String] { p.functions }

  @Test func anUnconditionalPushAfterTheLoopBeatsAForcedPushInsideIt() throws {
    let p = try leg("push")
    #expect(route(p) == ["sendmsg_locked", "push", "push_pending_frames"])
    let b = try #require(p.branchPoints.first { $0.function == "sendmsg_locked" })
    #expect(b.taken.callee == "push")
    let other = try #require(b.notTaken.first)
    #expect(other.callee == "push_pending_frames")
    #expect(other.functions == ["sendmsg_locked", "push_pending_frames"])
    let c = try #require(b.conditions.first.flatMap { $0 })
    #expect(c.text == "if (forced_push(copied))")
    #expect(c.file == "net/core/push.c" && c.line == 15 && c.decides == "other")
    #expect(other.cost > b.taken.cost)
  }

  @Test func recordedStacksKeepTheRouteTheKernelTook() throws {
    var finder = PathFinder(graph: graph, spec: spec)
    #expect(try finder.path(direction: "fastpath").functions == ["rcv_established", "data_ready"])
    // The running kernel queued the segment first; a frame of another version the index lacks proves nothing.
    finder.stacks = RecordedStacks(
      source: "t.trace", stacks: [["trace_hook", "data_ready", "data_queue", "newer_helper", "rcv_established", "rcv"]])
    let p = try finder.path(direction: "fastpath")
    #expect(p.functions == ["rcv_established", "data_queue", "data_ready"])
    #expect(p.stackStops == ["data_queue"])
    // The choice the stacks made is a branch point like any other: the shorter route is shown, not taken.
    let b = try #require(p.branchPoints.first { $0.function == "rcv_established" })
    #expect(b.toward == "data_ready" && b.taken.callee == "data_queue")
    let other = try #require(b.notTaken.first)
    #expect(other.functions == ["rcv_established", "data_ready"] && other.cost < b.taken.cost)
    #expect(other.evidence.contains("misses data_queue, which the stacks recorded in t.trace show"))
    #expect(b.decidedByStacks == "passes data_queue, which the stacks recorded in t.trace show")
    let c = try #require(b.conditions.first.flatMap { $0 })
    #expect(c.text == "if (len > 1)" && c.file == "net/core/fastpath.c" && c.line == 15 && c.decides == "other")
  }

  @Test func stacksNoRouteCanPassAreSetAside() throws {
    var finder = PathFinder(graph: graph, spec: spec)
    // deliver_finish is indexed, but nothing from rcv_established reaches it: the leg is found without the stacks.
    finder.stacks = RecordedStacks(source: "t.trace", stacks: [["data_ready", "deliver_finish", "rcv_established"]])
    let p = try finder.path(direction: "fastpath")
    #expect(p.functions == ["rcv_established", "data_ready"])
    #expect(p.stackStops.isEmpty)
  }

  @Test func framesBetweenTwoStopsAreThoseEveryStackShows() {
    let stacks = RecordedStacks(source: "t", stacks: [["c", "x", "y", "a"], ["c", "y", "a"], ["z", "a"], []])
    let b = stacks.between(["a"], and: ["c"])
    #expect(b?.frames == ["y"] && b?.stacks == 2)
    #expect(stacks.between(["c"], and: ["a"]) == nil)
    // Of a function twice, the innermost upper one and the nearest lower one below it.
    let nested = RecordedStacks(source: "t", stacks: [["c", "r", "a", "c", "q", "a"]])
    #expect(nested.between(["a"], and: ["c"])?.frames == ["r"])
  }

  @Test func anInactiveFeatureRulesOutItsBranch() throws {
    // Without a scenario both calls cost the same and the first in the source wins.
    let plain = try leg("steer")
    #expect(plain.hops.map(\.callsite.line) == [11])
    let p = try leg("steer", scenario: "inactive: rps")
    #expect(p.hops.map(\.callsite.line) == [15])
    let b = try #require(p.branchPoints.first)
    let other = try #require(b.notTaken.first)
    #expect(other.callsite.line == 11)
    #expect(other.ruledOut?.term == "rps")
    #expect(other.evidence.first?.hasPrefix("ruled out by rps") == true)
    let c = try #require(b.conditions.first.flatMap { $0 })
    #expect(c.text == "if (rps_needed)" && c.line == 10)
  }

  @Test func anUnlikelyErrorBranchLosesToTheMainLine() throws {
    let p = try leg("deliver")
    #expect(route(p) == ["rcv", "deliver_finish", "local_deliver"])
    let b = try #require(p.branchPoints.first { $0.function == "rcv" })
    let other = try #require(b.notTaken.first)
    #expect(other.functions == ["rcv", "local_deliver"])
    #expect(other.evidence.contains { $0.contains("expected to be rare") })
    #expect(b.conditions.first??.text == "if (unlikely(err))")
  }

  @Test func aFamilyChimeraIsNotARoute() throws {
    // The IPv4 detour is shorter; nothing but the scenario tells it from the IPv6 route.
    #expect(route(try leg("send6")) == ["udpv6_sendmsg", "udp_sendmsg", "ip_send_skb", "ip6_finish_output"])
    let v6 = ["udpv6_sendmsg", "ip6_make_skb", "ip6_append_data", "ip6_send_skb", "ip6_local_out", "ip6_finish_output"]
    #expect(route(try leg("send6", scenario: "family: ipv6")) == v6)
    #expect(route(try leg("send6", scenario: "destination: not-v4mapped")) == v6)
    let b = try #require(try leg("send6", scenario: "family: ipv6").branchPoints.first)
    #expect(b.notTaken.first?.ruledOut?.term == "family")
    #expect(b.notTaken.first?.ruledOut?.reason == "ip_send_skb is IPv4 code")
  }

  @Test func aStopOnlyARuledOutBranchReachesIsAnErrorNamingTheCondition() throws {
    var s = try WalkthroughSpec.parse(
      "name: only\nfiles: net/core/steer.c\n[l]\nentry: only_steered\nexit: enqueue_to_backlog\n[scenario]\ninactive: rps\n",
      source: "only.walk")
    s.name = "only"
    #expect(throws: PathError.self) { try PathFinder(graph: graph, spec: s).paths() }
    do {
      _ = try PathFinder(graph: graph, spec: s).paths()
    } catch {
      #expect(
        "\(error)" == "walkthrough only: enqueue_to_backlog is reached from only_steered only through code the "
          + "scenario rules out (rps: #if CONFIG_RPS around the call at net/core/steer.c:23): add a waypoint, or "
          + "drop 'rps' from [scenario] if the traffic needs it")
    }
  }

  @Test func unknownScenarioTermsAreOneLineErrorsListingTheKnownOnes() {
    #expect(throws: WalkthroughError.self) {
      try WalkthroughSpec.parse("name: x\n[l]\nentry: a\nexit: b\n[scenario]\ninactive: rps, warp-drive\n", source: "x.walk")
    }
    do {
      _ = try WalkthroughSpec.parse("name: x\n[l]\nentry: a\nexit: b\n[scenario]\ninactive: warp-drive\n", source: "x.walk")
    } catch {
      #expect(
        "\(error)" == "x.walk:6: unknown inactive 'warp-drive': known are rps, netfilter-rules, bpf, tc, gso, cork, fastopen, "
          + "packet-taps, memory-pressure, hdrincl, qdisc")
    }
    do {
      _ = try WalkthroughSpec.parse("name: x\n[l]\nentry: a\nexit: b\n[scenario]\nmood: calm\n", source: "x.walk")
    } catch {
      #expect("\(error)" == "x.walk:6: unknown scenario key 'mood': known are family, socket, destination, inactive")
    }
  }

  @Test func familiesComeFromTheKernelsNamingHabit() {
    #expect(ScenarioTerms.family(ofFunction: "ip6_output") == .ipv6)
    #expect(ScenarioTerms.family(ofFunction: "udpv6_sendmsg") == .ipv6)
    #expect(ScenarioTerms.family(ofFunction: "tcp_v4_rcv") == .ipv4)
    #expect(ScenarioTerms.family(ofFunction: "__ip_local_out") == .ipv4)
    #expect(ScenarioTerms.family(ofFunction: "tcp_sendmsg") == nil)
    #expect(ScenarioTerms.family(ofFunction: "dst_output") == nil)
  }
}

/// Which way a condition pins an identifier, on the shapes that real kernels write.
@Suite struct ConditionPolarityTests {
  func guardOf(_ kind: BranchGuard.Kind, _ condition: String) -> BranchGuard {
    BranchGuard(kind: kind, condition: condition, location: SourceLocation(path: "x.c", line: 1, column: 1), hint: nil)
  }

  /// Whether the guard's code runs when `identifier` is pinned so that code needing a condition naming it to hold
  /// (`holds`) cannot run.
  func runs(_ g: BranchGuard, pinning identifier: String, holds: Bool = true) -> Bool? {
    ScenarioCondition(pins: [.init(identifier: identifier, holds: holds, term: "t")]).runs(under: g)
  }

  @Test func plainConditionsPinTheirOperands() {
    #expect(runs(guardOf(.then, "skb_is_gso(skb)"), pinning: "skb_is_gso") == false)
    #expect(runs(guardOf(.otherwise, "skb_is_gso(skb)"), pinning: "skb_is_gso") == true)
    #expect(runs(guardOf(.then, "!corkreq"), pinning: "corkreq") == true)
    #expect(runs(guardOf(.then, "sk->sk_state != TCP_ESTABLISHED"), pinning: "TCP_ESTABLISHED", holds: false) == false)
    #expect(runs(guardOf(.then, "sk->sk_state == TCP_LISTEN"), pinning: "TCP_LISTEN") == false)
    #expect(runs(guardOf(.then, "a && rps_needed"), pinning: "rps_needed") == false)
    #expect(runs(guardOf(.then, "unlikely(static_branch_unlikely(&rps_needed))"), pinning: "rps_needed") == false)
  }

  @Test func aNegatedGroupFlipsWhatItHolds() {
    // raw_sendmsg: the call runs when MSG_MORE is not set.
    #expect(runs(guardOf(.then, "!(msg->msg_flags & MSG_MORE)"), pinning: "MSG_MORE") == true)
  }

  @Test func mixedOrPartialConditionsPinNothing() {
    // __ip6_finish_output: its else says nothing about GSO.
    let c = "(skb->len > mtu && !skb_is_gso(skb)) || dst_allfrag(skb_dst(skb))"
    #expect(runs(guardOf(.otherwise, c), pinning: "skb_is_gso") == nil)
    #expect(runs(guardOf(.then, c), pinning: "skb_is_gso") == nil)
    #expect(runs(guardOf(.then, "a || rps_needed"), pinning: "rps_needed") == nil)
    #expect(runs(guardOf(.then, "a && !rps_needed"), pinning: "rps_needed") == nil)
  }

  @Test func knownOperandsDecideAMixedCondition() {
    // tcp_sendmsg_locked (6.1): every operand of the disjunction is fast-open code, so the conjunction is false
    // whatever tp->repair is.
    let c = "unlikely(flags & MSG_FASTOPEN || inet_sk(sk)->defer_connect) && !tp->repair"
    let fastopen = ScenarioCondition(pins: [
      .init(identifier: "MSG_FASTOPEN", holds: true, term: "fastopen"),
      .init(identifier: "defer_connect", holds: true, term: "fastopen"),
    ])
    #expect(fastopen.runs(under: guardOf(.then, c)) == false)
    #expect(fastopen.runs(under: guardOf(.otherwise, c)) == true)
    // The else of a conjunction with one false operand always runs: the guard decides nothing.
    #expect(runs(guardOf(.otherwise, "a && rps_needed"), pinning: "rps_needed") == true)
    #expect(fastopen.pin(namedIn: guardOf(.then, c))?.identifier == "MSG_FASTOPEN")
    // One operand of the disjunction alone decides nothing.
    #expect(runs(guardOf(.then, c), pinning: "MSG_FASTOPEN") == nil)
  }

  @Test func anIpWordLateInANameIsNoFamily() {
    #expect(ScenarioTerms.family(ofFunction: "__local_bh_enable_ip") == nil)
    #expect(ScenarioTerms.family(ofFunction: "udp_v6_send_skb") == .ipv6)
    #expect(ScenarioTerms.family(ofFunction: "icmp_rcv") == .ipv4)
  }
}
