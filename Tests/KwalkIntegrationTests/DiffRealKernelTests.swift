import Foundation
import KwalkAnnotate
import KwalkCore
import KwalkDiff
import KwalkGraph
import KwalkTestSupport
import Testing

/// One real kernel as a side of a diff.
func diffSide(_ k: RealKernel) -> DiffSide {
  DiffSide(
    version: k.snapshot.version, paths: ["send", "receive"].compactMap { k.paths[$0] }, snapshot: k.snapshot,
    sources: SourceFiles(paths: k.workspace.tree.paths))
}

/// `kwalk diff` between Debian's 6.1 (6.1.192) and 6.12 (6.12.117) on tcp-ipv4. Every expectation below was
/// established by reading both trees (paths relative to each tree's top; `6.1:` and `6.12:` say which).
@Suite(.serialized) struct DiffRealKernelTests {
  static let diff = Result { () throws -> PathDiff in
    let a = try RealKernel.v61.get()
    let b = try RealKernel.v612.get()
    let drift = AnnotationDrift.between(
      old: try a.workspace.resolveAnnotations(in: a.snapshot), new: try b.workspace.resolveAnnotations(in: b.snapshot),
      walkthrough: "tcp-ipv4")
    return try PathDiffer(old: diffSide(a), new: diffSide(b)).diff(walkthrough: "tcp-ipv4", annotationDrift: drift)
  }

  /// What to watch and tune (issue #16): 6.12 reads the backlog limit and the NET_RX budgets from `net_hotdata`
  /// (6.12: net/core/dev.c:5048 `net_hotdata.max_backlog`) instead of globals (6.1: net/core/dev.c:4823), and
  /// enqueue_to_backlog drops with the new SKB_DROP_REASON_DEV_READY when the device is down.
  @Test func sysctlsCountersAndDropReasonsThatMoved() throws {
    let d = try Self.diff.get()
    let send = try #require(d.legs.first { $0.direction == "send" })
    let backlog = try #require(send.watch.first { $0.function == "enqueue_to_backlog" })
    #expect(backlog.tunables.contains("~ net.core.netdev_max_backlog: netdev_max_backlog → net_hotdata.max_backlog"))
    #expect(backlog.dropReasons.contains("+ SKB_DROP_REASON_DEV_READY"))
    let receive = try #require(d.legs.first { $0.direction == "receive" })
    let budget = try #require(receive.watch.first { $0.function == "net_rx_action" })
    #expect(budget.tunables.contains("~ net.core.netdev_budget: netdev_budget → net_hotdata.netdev_budget"))
    #expect(d.text.contains("\nwatch and tune:\n  tcp_sendmsg_locked: ~ net.core.max_skb_frags"))
    #expect(d.markdown.contains("- `enqueue_to_backlog`: ~ net.core.netdev_max_backlog"))
    // The history marks the step where it changed.
    let (a, b) = (try RealKernel.v61.get(), try RealKernel.v612.get())
    let h = PathHistory.build(
      walkthrough: "tcp-ipv4", kernels: [d.from, d.to], labels: ["6.1", "6.12"],
      paths: [a, b].map { k in ["send", "receive"].compactMap { k.paths[$0] } }, diffs: [d])
    let row = try #require(h.legs[0].rows.first { $0.cells[1]?.callee == "enqueue_to_backlog" })
    #expect(row.cells[1]?.changes.contains("watch") == true)
  }

  func hop(_ d: PathDiff, _ direction: String, _ callee: String) throws -> HopDiff {
    let leg = try #require(d.legs.first { $0.direction == direction })
    return try #require(leg.hops.first { $0.new.last?.callee == callee }, "\(callee) not on the \(direction) path")
  }

  /// The hop chain is the same in both: Debian's 6.1 already carries the upstream 6.2 change that made
  /// dev_queue_xmit a static inline wrapper of __dev_queue_xmit (6.1: include/linux/netdevice.h:3058, 6.12:
  /// include/linux/netdevice.h:3150), so there is no split here, and no hop was renamed, added or removed; no edge
  /// changed kind (INDIRECT_CALL_INET in 6.1: include/net/dst.h:456 and 6.12: include/net/dst.h:468) and no guard
  /// changed (CONFIG_NETFILTER around NF_HOOK, CONFIG_RPS around enqueue_to_backlog in both).
  @Test func sameChainNoKindOrConfigChange() throws {
    let d = try Self.diff.get()
    #expect(d.from == "6.1.192" && d.to == "6.12.117")
    for leg in d.legs {
      #expect(leg.oldHops == leg.newHops)
      #expect(leg.hops.allSatisfy { $0.relation == .same && $0.kind == nil && $0.config == nil })
    }
    #expect(d.summary.split == 0 && d.summary.renamed == 0 && d.summary.kindChanged == 0)
  }

  /// The guard around a macro's definition: INDIRECT_CALL_2, through which inet_sendmsg calls tcp_sendmsg and
  /// tcp_v4_rcv is reached, is defined under `#ifdef CONFIG_RETPOLINE` in 6.1 (include/linux/indirect_call_wrapper.h:5,
  /// the #define at :22) and under `#ifdef CONFIG_MITIGATION_RETPOLINE` in 6.12 (same lines), the upstream 6.9 rename;
  /// the call sites' own guards did not change. The calls written as INDIRECT_CALL_INET (6.1: net/socket.c:718,
  /// net/ipv4/tcp_output.c:1407, include/net/dst.h:456, net/core/dev.c:5638, include/net/dst.h:466) go through the
  /// same INDIRECT_CALL_2, which INDIRECT_CALL_INET's body names (:61-62 under `#if IS_BUILTIN(CONFIG_IPV6)`, the
  /// same in both): the rename is reported on INDIRECT_CALL_2, used by INDIRECT_CALL_INET. INDIRECT_CALL_1, which
  /// INDIRECT_CALL_2's body names (:17 under the same `#ifdef`), has the same rename and is not repeated.
  @Test func macroDefinitionGuardRenamed() throws {
    let d = try Self.diff.get()
    let rename = [ConfigChange.Rename(old: "CONFIG_RETPOLINE", new: "CONFIG_MITIGATION_RETPOLINE")]
    let written: [(String, String, [String])] = [
      ("send", "tcp_sendmsg", []), ("receive", "tcp_v4_rcv", []), ("send", "inet_sendmsg", ["INDIRECT_CALL_INET"]),
      ("send", "ip_queue_xmit", ["INDIRECT_CALL_INET"]), ("send", "ip_output", ["INDIRECT_CALL_INET"]),
      ("receive", "ip_rcv", ["INDIRECT_CALL_INET"]), ("receive", "ip_local_deliver", ["INDIRECT_CALL_INET"]),
    ]
    for (direction, callee, through) in written {
      let h = try hop(d, direction, callee)
      #expect(h.config == nil && h.kind == nil, "\(callee)")
      #expect(
        h.macroConfigs == [
          MacroConfigChange(
            macro: "INDIRECT_CALL_2", oldDefinition: "include/linux/indirect_call_wrapper.h:22",
            newDefinition: "include/linux/indirect_call_wrapper.h:22",
            change: ConfigChange(appeared: [], disappeared: [], renamed: rename), through: through)
        ], "\(callee)")
    }
    #expect(
      d.text.contains(
        "  macro config: INDIRECT_CALL_2, used by INDIRECT_CALL_INET (defined at include/linux/indirect_call_wrapper.h:22): "
          + "CONFIG_RETPOLINE → CONFIG_MITIGATION_RETPOLINE\n"))
    // No other hop's macro is guarded differently.
    #expect(d.legs.flatMap(\.hops).filter { !$0.macroConfigs.isEmpty }.count == written.count)
  }

  /// Signatures: napi_schedule_rps returns void now (6.1: net/core/dev.c:4747 `static int`, 6.12:
  /// net/core/dev.c:4948 `static void`); softirq handlers lost their argument (6.1: net/core/dev.c:6803
  /// `net_rx_action(struct softirq_action *h)`, 6.12: net/core/dev.c:7104 `net_rx_action(void)`), and with them
  /// the field they are called through (6.1: include/linux/interrupt.h:590 `void (*action)(struct softirq_action *)`,
  /// 6.12: include/linux/interrupt.h:599 `void (*action)(void)`).
  @Test func signatures() throws {
    let d = try Self.diff.get()
    let rps = try hop(d, "send", "napi_schedule_rps")
    #expect(rps.signatures == [
      SignatureChange(
        subject: "function", name: "napi_schedule_rps", old: "int napi_schedule_rps(struct softnet_data *sd)",
        new: "void napi_schedule_rps(struct softnet_data *sd)")
    ])
    let rx = try hop(d, "receive", "net_rx_action")
    #expect(rx.signatures.map(\.new) == ["void net_rx_action(void)", "void (*)(void)"])
    #expect(rx.signatures.last?.name == "softirq_action.action")
    #expect(rx.signatures.last?.old == "void (*)(struct softirq_action *)")
  }

  /// Binding: tcp_protocol was a static const initializer (6.1: net/ipv4/af_inet.c:1765-1766) and is now a compound
  /// literal assigned to net_hotdata.tcp_protocol inside inet_init at run time (6.12: net/ipv4/af_inet.c:1954-1955).
  /// The lwtunnel candidate of dst_entry.output (6.1: include/net/lwtunnel.h:142 `dst->output = lwtunnel_output;`)
  /// is written `WRITE_ONCE(dst->output, lwtunnel_output)` in 6.12 (include/net/lwtunnel.h:142), which the index
  /// does not read as a binding: the diff must say the file still names it rather than call it gone.
  @Test func bindings() throws {
    let d = try Self.diff.get()
    let tcp = try #require(try hop(d, "receive", "tcp_v4_rcv").binding)
    #expect(tcp.formChanged == "initializer → initializer at run time")
    #expect(tcp.moved == ["net/ipv4/af_inet.c:1766 (tcp_protocol) → net/ipv4/af_inet.c:1955 (inet_init)"])
    let output = try #require(try hop(d, "send", "ip_output").binding)
    #expect(output.candidatesLost == [
      "lwtunnel_output (no binding found in 6.12.117, but include/net/lwtunnel.h:142 still names it)"
    ])
    #expect(output.formChanged == nil && output.moved.isEmpty)
    // ip_queue_xmit is bound in ipv4_specific and ipv6_mapped in both (6.1: net/ipv4/tcp_ipv4.c:2226,
    // net/ipv6/tcp_ipv6.c:1901; 6.12: net/ipv4/tcp_ipv4.c:2463, net/ipv6/tcp_ipv6.c:2075): only lines moved.
    #expect(try hop(d, "send", "ip_queue_xmit").binding == nil)
  }

  /// Tracepoints: sock_def_readable fires trace_sk_data_ready in 6.12 (net/core/sock.c:3507) and not in 6.1, so a
  /// trace of the receive leg has one more event before the wake-up; and the leg ends in try_to_wake_up, which in
  /// 6.1 fires sched_wakeup itself (kernel/sched/core.c:4113, a task waking itself) and in 6.12 only through
  /// ttwu_do_wakeup (core.c:3675), off the route: one event fewer.
  @Test func tracepointsAndEvents() throws {
    let d = try Self.diff.get()
    #expect(try hop(d, "receive", "sock_def_readable").tracepoints?.added == ["sock:sk_data_ready"])
    let receive = try #require(d.legs.first { $0.direction == "receive" })
    let changed = receive.events.steps.filter { $0.op != "=" }
    #expect(changed.count == 2, "\(receive.events.steps)")
    #expect(changed.contains(EventSequenceDiff.Step(op: "+", event: "sock:sk_data_ready")), "\(changed)")
    #expect(changed.contains(EventSequenceDiff.Step(op: "-", event: "sched:sched_wakeup")), "\(changed)")
    let added = try #require(receive.events.steps.firstIndex { $0.op == "+" })
    #expect(receive.events.steps[added...].contains { $0.event == "sched:sched_waking" }, "the wake-up comes after")
    #expect(d.legs.first { $0.direction == "send" }?.events.isChanged == false)
  }

  /// Bodies: the path's own call changed in ip_queue_xmit (6.1: net/ipv4/ip_output.c:552 `inet_sk(sk)->tos`,
  /// 6.12: :555 `READ_ONCE(inet_sk(sk)->tos)`) and in dst_output/dst_input (6.1: include/net/dst.h:456 and :466,
  /// 6.12: :468 and :478, the pointer read through READ_ONCE); sock_def_readable changed off the path (the
  /// tracepoint line, 6.12: net/core/sock.c:3507).
  @Test func bodies() throws {
    let d = try Self.diff.get()
    let xmit = try #require(try hop(d, "send", "ip_queue_xmit").body)
    #expect(xmit.touchesPath && xmit.added == 1 && xmit.removed == 1)
    let added = try #require(xmit.hunks.flatMap { $0 }.first { $0.op == .added })
    #expect(added.newLine == 555 && added.onPath && added.text.contains("READ_ONCE(inet_sk(sk)->tos)"))
    #expect(try hop(d, "send", "dst_output").body?.touchesPath == true)
    #expect(try hop(d, "receive", "dst_input").body?.touchesPath == true)
    let readable = try #require(try hop(d, "receive", "sock_def_readable").body)
    #expect(!readable.touchesPath)
    #expect(readable.hunks.flatMap { $0 }.contains { $0.op == .added && $0.newLine == 3507 })
  }

  /// Annotation drift: the note anchored on `return __ip_queue_xmit(sk, skb, fl, inet_sk(sk)->tos);`
  /// (Annotations/tcp-ipv4/send.md:174) finds its quote reworded in 6.12 (net/ipv4/ip_output.c:555).
  @Test func annotationDrift() throws {
    let d = try Self.diff.get()
    let a = try #require(d.annotationDrift.first { $0.id == "tcp-ipv4.send.ip-queue-xmit" })
    #expect(a.newStatus == "changed" && a.newLocation == "net/ipv4/ip_output.c:555")
    #expect(d.summary.annotationDrift == d.annotationDrift.count)
  }

  /// Off tcp-ipv4, udp-ipv4 shows a pointer call that gained an INDIRECT_CALL wrapper: 6.1: net/ipv4/udp.c:1648
  /// `READ_ONCE(sk->sk_data_ready)(sk);`, 6.12: net/ipv4/udp.c:1634 `INDIRECT_CALL_1(READ_ONCE(sk->sk_data_ready),
  /// sock_def_readable, sk)`.
  @Test func udpWakeUpGainedIndirectCall() throws {
    let a = try RealKernel.v61.get()
    let b = try RealKernel.v612.get()
    func side(_ k: RealKernel) throws -> DiffSide {
      var s = diffSide(k)
      s.paths = try PathFinder(graph: k.graph, spec: try k.workspace.spec("udp-ipv4")).paths()
      return s
    }
    let d = try PathDiffer(old: try side(a), new: try side(b)).diff(walkthrough: "udp-ipv4")
    let wake = try hop(d, "receive", "sock_def_readable")
    #expect(wake.kind == KindChange(old: "pointer via READ_ONCE(sk->sk_data_ready)", new: "macro via INDIRECT_CALL_1"))
    #expect(wake.new[0].callsite == "net/ipv4/udp.c:1634" && wake.old[0].callsite == "net/ipv4/udp.c:1648")
  }

  @Test func commandLineErrors() throws {
    let annotations = ["--annotations", Fixtures.repository + "/Annotations"]
    let (s1, e1) = try runKwalk(["diff", "--from", "6.1", "--to", "6.1"] + annotations)
    #expect(s1 == 1)
    #expect(e1 == "kwalk: error: --from and --to both name kernel 6.1: pass two different kernels\n", "\(e1)")
    let (s2, e2) = try runKwalk(["diff", "--from", "5.99", "--to", "6.12"] + annotations)
    #expect(s2 == 1)
    #expect(
      e2.contains("kwalk: error: no Debian suite (bullseye, bookworm, trixie, sid) carries linux-source-5.99: "), "\(e2)")
    #expect(e2.hasSuffix("(installed: 6.1, 6.12)\n"), "\(e2)")
    let (s3, e3) = try runKwalk(["diff", "--from", "6.1", "--to", "6.12", "--walkthrough", "nope"] + annotations)
    #expect(s3 == 1)
    // Every shipped walkthrough is listed, sorted (Annotations/walkthroughs grows; the shape of the line does not).
    #expect(e3.hasSuffix("kwalk: error: unknown walkthrough 'nope': available are tcp-ipv4, tcp-ipv6, udp-ipv4, udp-ipv6\n")
      || e3.contains("kwalk: error: unknown walkthrough 'nope': available are ") && e3.contains("tcp-ipv4, tcp-ipv6, udp-ipv4, udp-ipv6"), "\(e3)")
    // ip_append_page is defined in 6.1 (net/ipv4/ip_output.c) and gone from 6.12's tree.
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kwalk-diff-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: dir.appendingPathComponent("walkthroughs"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try "name: gone\nfiles: net/ipv4/ip_output.c\n\n[send]\nentry: ip_append_page\nexit: ip_append_page\n".write(
      to: dir.appendingPathComponent("walkthroughs/gone.walk"), atomically: true, encoding: .utf8)
    let (s4, e4) = try runKwalk(["diff", "--from", "6.1", "--to", "6.12", "--annotations", dir.path])
    #expect(s4 == 1)
    #expect(e4.hasSuffix(
      "kwalk: error: walkthrough gone fails in kernel 6.12.117: walkthrough gone names ip_append_page, which no "
        + "indexed file defines: check the name or index the file that defines it\n"), "\(e4)")
  }
}
