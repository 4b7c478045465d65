@testable import KwalkClang
import KwalkCore
import KwalkTestSupport
import Testing

/// The guards and placement of call sites on route-mini: `if`/`else`, `switch` cases, loops written and made by
/// macros, branch hints, and the layout of a function's top-level statements.
@Suite struct BranchGuardExtractionTests {
  let tcp: TranslationUnitFacts
  let output: TranslationUnitFacts

  init() throws {
    tcp = try Fixtures.facts(tree: "route-mini", file: "net/ipv4/tcp.c")
    output = try Fixtures.facts(tree: "route-mini", file: "net/ipv4/tcp_output.c")
  }

  func call(_ facts: TranslationUnitFacts, from caller: String, to callee: String) throws -> CallSiteFact {
    let id = try #require(facts.functions.first { $0.name == caller }?.id)
    return try #require(facts.callSites.first { $0.caller == id && $0.target.description == callee })
  }

  func at(_ marker: String, _ file: String, column: Int) throws -> KwalkCore.SourceLocation {
    KwalkCore.SourceLocation(path: SourcePath(file), line: try Fixtures.line(of: marker, in: file, tree: "route-mini"), column: column)
  }

  @Test func parsesWithoutErrors() {
    for f in [tcp, output] { #expect(f.diagnostics.errors == 0, "\(f.file): \(f.diagnostics.firstErrors)") }
  }

  @Test func thenBranchInsideALoop() throws {
    let push = try call(tcp, from: "tcp_sendmsg_locked", to: "__tcp_push_pending_frames")
    #expect(
      push.guards == [
        BranchGuard(
          kind: .loop, condition: "msg_data_left(msg)", location: try at("route:copy-loop", "net/ipv4/tcp.c", column: 9),
          hint: nil),
        BranchGuard(
          kind: .then, condition: "forced_push(sk)", location: try at("route:forced-push", "net/ipv4/tcp.c", column: 7),
          hint: nil),
      ])
    #expect(push.placement == .branch)
  }

  @Test func elseIfIsTheElseOfTheOuterIfThenTheInnerThen() throws {
    let one = try call(tcp, from: "tcp_sendmsg_locked", to: "tcp_push_one")
    #expect(one.guards.map(\.kind) == [.loop, .otherwise, .then])
    #expect(one.guards[1].condition == "forced_push(sk)")
    #expect(one.guards[2].condition == "sk->sk_send_head == sk->sk_write_queue.next")
    #expect(one.guards[2].location == (try at("route:push-one", "net/ipv4/tcp.c", column: 12)))
  }

  @Test func unconditionalCallAfterTheLoopIsOnTheMainLine() throws {
    let push = try call(tcp, from: "tcp_sendmsg_locked", to: "tcp_push")
    #expect(push.guards.isEmpty)
    #expect(push.placement == .mainLine)
    #expect(push.location.line == (try Fixtures.line(of: "route:push-call", in: "net/ipv4/tcp.c", tree: "route-mini")))
  }

  @Test func callAfterAnErrorLabelIsAnExit() throws {
    let error = try call(tcp, from: "tcp_sendmsg_locked", to: "sk_stream_error")
    #expect(error.guards.isEmpty)
    #expect(error.placement == .exit)
  }

  @Test func callsInAConditionAreNotGuardedByIt() throws {
    // The loop's own condition runs before the body: only the body is guarded by the loop.
    let left = try call(tcp, from: "tcp_sendmsg_locked", to: "msg_data_left")
    #expect(left.guards.isEmpty)
    let head = try call(output, from: "tcp_write_xmit", to: "tcp_send_head")
    #expect(head.guards.isEmpty)
  }

  @Test func hints() throws {
    let report = try call(tcp, from: "tcp_sendmsg_locked", to: "tcp_wait_error")
    #expect(
      report.guards == [
        BranchGuard(
          kind: .then, condition: "unlikely(err)", location: try at("route:unlikely-err", "net/ipv4/tcp.c", column: 6),
          hint: .unlikely)
      ])
    #expect(report.placement == .branch)
    let validate = try call(output, from: "tcp_write_xmit", to: "tcp_cwnd_validate")
    #expect(
      validate.guards == [
        BranchGuard(
          kind: .then, condition: "likely(sk->sk_err == 0)",
          location: try at("route:likely", "net/ipv4/tcp_output.c", column: 6), hint: .likely)
      ])
    let pacing = try call(output, from: "tcp_write_xmit", to: "tcp_pacing_check")
    #expect(pacing.guards.map(\.hint) == [nil])
    #expect(BranchGuard.Kind.loop == pacing.guards.first?.kind)
  }

  @Test func hintOnlyWhenTheWrapperIsTheWholeCondition() {
    let cases = ["unlikely(err)": BranchGuard.Hint.unlikely, "likely(a) && b": nil, "!likely(a)": nil]
    for (condition, hint) in cases {
      #expect(ExtractionWalk.hint(condition) == hint, "\(condition)")
    }
  }

  @Test func whileLoopConditionAsWritten() throws {
    let transmit = try call(output, from: "tcp_write_xmit", to: "tcp_transmit_skb")
    #expect(
      transmit.guards == [
        BranchGuard(
          kind: .loop, condition: "(skb = tcp_send_head(sk))",
          location: try at("route:xmit-loop", "net/ipv4/tcp_output.c", column: 9), hint: nil)
      ])
    #expect(transmit.placement == .branch)
  }

  @Test func switchCasesWithTheSwitchedExpressionAndTheLabel() throws {
    let switchAt = try at("route:switch", "net/ipv4/tcp_output.c", column: 10)
    func guardOf(_ callee: String) throws -> [BranchGuard] { try call(output, from: "tcp_transmit_skb", to: callee).guards }
    // Both statements under `case AF_INET`, not only the first one the label holds in the syntax tree.
    for callee in ["tcp_v4_send_check", "ip_queue_xmit"] {
      #expect(
        try guardOf(callee) == [
          BranchGuard(kind: .switchCase, condition: "sk->sk_family / case AF_INET", location: switchAt, hint: nil)
        ], "\(callee)")
    }
    #expect(try guardOf("inet6_csk_xmit").map(\.condition) == ["sk->sk_family / case AF_INET6"])
    #expect(try guardOf("kfree_skb").map(\.condition) == ["sk->sk_family / default"])
  }

  @Test func forEverLoopShowsItsHeader() throws {
    let free = try call(tcp, from: "sk_stream_wait_memory", to: "sk_stream_memory_free")
    #expect(
      free.guards == [
        BranchGuard(
          kind: .loop, condition: "for (;;)", location: try at("route:for-ever", "net/ipv4/tcp.c", column: 2),
          hint: nil)
      ])
  }

  @Test func statementsMadeByMacrosArePlacedAtTheInvocation() throws {
    // `skb_queue_walk(…) { … }`: the `for` comes from the macro, the body is written after it.
    let retransmit = try call(output, from: "tcp_xmit_retransmit_queue", to: "tcp_retransmit_skb")
    #expect(
      retransmit.guards == [
        BranchGuard(
          kind: .loop, condition: "skb_queue_walk(&sk->sk_write_queue, skb)",
          location: try at("route:macro-loop", "net/ipv4/tcp_output.c", column: 2), hint: nil)
      ])
    // `sk_wait_event(sk)`: a statement expression whose `if` guards a call the macro makes.
    let wait = try call(tcp, from: "sk_stream_wait_memory", to: "sk_wait_timeout")
    #expect(wait.kind == .macro)
    #expect(wait.guards.map(\.kind) == [.loop, .then])
    #expect(wait.guards.last?.condition == "sk_wait_event(sk)")
    #expect(wait.guards.last?.location == (try at("route:wait-event", "net/ipv4/tcp.c", column: 3)))
  }

  @Test func guardsOfAHeaderInlineAreInTheHeader() throws {
    let push = try call(output, from: "tcp_push_pending_frames", to: "__tcp_push_pending_frames")
    #expect(
      push.guards == [
        BranchGuard(
          kind: .then, condition: "tcp_send_head(sk)",
          location: try at("route:header-if", "include/net/tcp.h", column: 6), hint: nil)
      ])
  }

  @Test func mainLineAfterAnEarlyReturn() throws {
    let xmit = try call(output, from: "__tcp_push_pending_frames", to: "tcp_write_xmit")
    #expect(xmit.guards.isEmpty && xmit.placement == .mainLine)
  }

  @Test func longConditionsAreCut() {
    let long = String(repeating: "a", count: 200)
    let cut = ExtractionWalk.cut(long)
    #expect(cut.count == 160 && cut.hasSuffix("…"))
    #expect(ExtractionWalk.cut("short") == "short")
  }
}
