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
      tree: "route-rank", files: ["net/core/push.c", "net/core/steer.c", "net/core/deliver.c", "net/ipv6/send6.c"])
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
          + "packet-taps, memory-pressure, qdisc")
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

  @Test func plainConditionsPinTheirOperands() {
    #expect(RouteEvidence.requirement(of: "skb_is_gso", in: guardOf(.then, "skb_is_gso(skb)")) == true)
    #expect(RouteEvidence.requirement(of: "skb_is_gso", in: guardOf(.otherwise, "skb_is_gso(skb)")) == false)
    #expect(RouteEvidence.requirement(of: "corkreq", in: guardOf(.then, "!corkreq")) == false)
    #expect(RouteEvidence.requirement(of: "TCP_ESTABLISHED", in: guardOf(.then, "sk->sk_state != TCP_ESTABLISHED")) == false)
    #expect(RouteEvidence.requirement(of: "TCP_LISTEN", in: guardOf(.then, "sk->sk_state == TCP_LISTEN")) == true)
    #expect(RouteEvidence.requirement(of: "rps_needed", in: guardOf(.then, "a && rps_needed")) == true)
  }

  @Test func aNegatedGroupFlipsWhatItHolds() {
    // raw_sendmsg: the call runs when MSG_MORE is not set.
    #expect(RouteEvidence.requirement(of: "MSG_MORE", in: guardOf(.then, "!(msg->msg_flags & MSG_MORE)")) == false)
  }

  @Test func mixedOrPartialConditionsPinNothing() {
    // __ip6_finish_output: its else says nothing about GSO.
    let c = "(skb->len > mtu && !skb_is_gso(skb)) || dst_allfrag(skb_dst(skb))"
    #expect(RouteEvidence.requirement(of: "skb_is_gso", in: guardOf(.otherwise, c)) == nil)
    #expect(RouteEvidence.requirement(of: "skb_is_gso", in: guardOf(.then, c)) == nil)
    #expect(RouteEvidence.requirement(of: "rps_needed", in: guardOf(.then, "a || rps_needed")) == nil)
    #expect(RouteEvidence.requirement(of: "rps_needed", in: guardOf(.otherwise, "a && rps_needed")) == nil)
  }

  @Test func anIpWordLateInANameIsNoFamily() {
    #expect(ScenarioTerms.family(ofFunction: "__local_bh_enable_ip") == nil)
    #expect(ScenarioTerms.family(ofFunction: "udp_v6_send_skb") == .ipv6)
    #expect(ScenarioTerms.family(ofFunction: "icmp_rcv") == .ipv4)
  }
}
