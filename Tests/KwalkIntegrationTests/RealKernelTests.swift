import Foundation
import KwalkClang
import KwalkCommandLine
import KwalkCore
import KwalkGraph
import KwalkIndex
import KwalkKernel
import KwalkTestSupport
import Testing

/// One prepared and indexed Debian kernel, shared by the tests (in kwalk's standard cache, as `make site` uses).
final class RealKernel: @unchecked Sendable {
  let workspace: Workspace
  let snapshot: IndexSnapshot
  let graph: CallGraph
  let paths: [String: PacketPath]

  init(series: String) throws {
    workspace = try Workspace(
      source: .debian(series: series), cache: .standard(), annotations: Fixtures.repository + "/Annotations",
      progress: ProgressReporter())
    snapshot = try workspace.index().0
    graph = CallGraph(snapshot: snapshot)
    var paths: [String: PacketPath] = [:]
    for p in try PathFinder(graph: graph, spec: try workspace.spec("tcp-ipv4")).paths() { paths[p.direction] = p }
    self.paths = paths
  }

  static let v61 = Result { try RealKernel(series: "6.1") }
  static let v612 = Result { try RealKernel(series: "6.12") }
  /// Fetched from bullseye and sid into the standard cache by kwalk itself.
  static let v510 = Result { try RealKernel(series: "5.10") }
  static let v72 = Result { try RealKernel(series: "7.2") }
}

/// The classic article's hops, in order.
let classicSend = [
  "tcp_sendmsg", "ip_queue_xmit", "ip_output", "dev_queue_xmit", "loopback_xmit", "__netif_rx", "enqueue_to_backlog",
]
let classicReceive = [
  "net_rx_action", "process_backlog", "__netif_receive_skb", "ip_rcv", "ip_local_deliver", "tcp_v4_rcv",
]

/// Where every shipped walkthrough's journey starts and ends (the x86-64 system call dispatch, the reader's
/// wake-up), the system call's layers down to the socket layer, and the socket layer down to the family's sendmsg.
let journeyStart = "do_syscall_64"
let journeySyscall = ["do_syscall_64", "__x64_sys_sendto", "__se_sys_sendto", "__do_sys_sendto", "__sys_sendto"]
let journeySocketLayer = ["__sys_sendto", "__sock_sendmsg", "sock_sendmsg_nosec"]
let journeyEnd = "try_to_wake_up"

/// Checks that `names` appear in `functions` in order.
func inOrder(_ names: [String], _ functions: [String]) -> Bool {
  var i = 0
  for f in functions where i < names.count && f == names[i] { i += 1 }
  return i == names.count
}

@Suite(.serialized) struct RealKernelTests {
  @Test func compileCommandFromKbuild() throws {
    let k = try RealKernel.v61.get()
    let tree = k.workspace.tree
    let db = Kbuild(tree: tree, progress: .silent).database()
    let dev = try #require(db.commands["net/core/dev.c"])
    let args = dev.arguments
    #expect(args.contains("-I\(tree.sourceRoot)/include"))
    #expect(args.contains("-I./include"))
    #expect(args.contains("-I\(tree.sourceRoot)/arch/x86/include"))
    let kconfig = try #require(args.firstIndex(of: "-include").map { _ in args.indices.filter { args[$0] == "-include" } })
    #expect(kconfig.contains { args[$0 + 1] == tree.sourceRoot + "/include/linux/kconfig.h" })
    #expect(db.commands["net/ipv4/ip_output.c"] != nil && db.commands["drivers/net/loopback.c"] != nil)
    let json = try String(contentsOfFile: tree.compileDatabasePath, encoding: .utf8)
    #expect(json.contains("\"file\" : \"\(tree.sourceRoot)/net/core/dev.c\""))

    let unit = try TranslationUnit(index: try ClangIndex(), path: dev.file, arguments: dev.frontendArguments)
    let d = unit.diagnostics()
    #expect(d.errors == 0, "\(d.firstErrors)")
  }

  /// kbuild's dry run says, for every unit the walkthroughs index, the very command kbuild records in the unit's
  /// `.cmd` file when it builds the object, argument for argument. The dry run runs in a copy of the build directory
  /// without the units' objects (so it has each still to say); the `.cmd` files come from building them in the tree.
  @Test(arguments: ["6.1", "6.12"]) func dryRunSaysWhatTheBuildRecords(series: String) throws {
    let k = try (series == "6.1" ? RealKernel.v61 : RealKernel.v612).get()
    let tree = k.workspace.tree
    let units = k.snapshot.units.keys.sorted()
    #expect(units.count > 15)
    let kbuild = Kbuild(tree: tree, progress: .silent)
    _ = try kbuild.confirmByBuilding(units)
    let copied = try ScratchBuild(of: tree)
    defer { copied.remove() }
    for unit in units { try? FileManager.default.removeItem(atPath: copied.object(of: unit)) }
    let said = try Kbuild(tree: copied.tree, progress: .silent).dryRun(units)
    #expect(Set(said.keys) == Set(units), "the dry run said nothing for \(Set(units).subtracting(said.keys).sorted())")
    for unit in units {
      let base = String(unit.value.dropLast(2))
      let cmd = (base as NSString).deletingLastPathComponent + "/." + (base as NSString).lastPathComponent + ".o.cmd"
      let text = try String(contentsOfFile: tree.buildRoot + "/" + cmd, encoding: .utf8)
      let recorded = try #require(CompileCommand(kbuildCommandFile: text, directory: tree.buildRoot))
      #expect(said[unit]?.arguments == recorded.arguments, "\(unit)")
    }
  }

  /// In a copy of 6.1's build directory with a cache of its own, where tcp_ipv4.c and kernel/sched/wait.c (which
  /// kbuild builds only inside build_utility.c) have never been compiled: the dry run says a command for both. wait.c's
  /// parse fails, so kbuild builds it, fails, and it counts as not built, unindexed; tcp_ipv4.c is indexed with the
  /// dry run's command, uncompiled, and tcp.c too (said, or read from its `.cmd` file), both as the tree's own.
  @Test func aFileTheDryRunSaysIsBuiltBeforeItCountsAsNotBuilt() throws {
    let k = try RealKernel.v61.get()
    let copied = try ScratchBuild(of: k.workspace.tree)
    defer { copied.remove() }
    for f: SourcePath in ["net/ipv4/tcp_ipv4.c", "kernel/sched/wait.c"] { copied.removeOutputs(of: f) }
    let files: [SourcePath] = ["kernel/sched/wait.c", "net/ipv4/tcp.c", "net/ipv4/tcp_ipv4.c"]
    let kbuild = Kbuild(tree: copied.tree, progress: .silent)
    let said = try kbuild.dryRun(files)
    #expect(said["kernel/sched/wait.c"] != nil && said["net/ipv4/tcp_ipv4.c"] != nil)

    let report = try Indexer(tree: copied.tree, progress: .silent).index(files)
    #expect(report.parsed == ["net/ipv4/tcp.c", "net/ipv4/tcp_ipv4.c"])
    let db = kbuild.database()
    #expect(db.notBuilt == ["kernel/sched/wait.c"] && db.commands["kernel/sched/wait.c"] == nil)
    #expect(!kbuild.hasBuilt("net/ipv4/tcp_ipv4.c"))
    let shared = Kbuild(tree: k.workspace.tree, progress: .silent).database()
    for f: SourcePath in ["net/ipv4/tcp.c", "net/ipv4/tcp_ipv4.c"] {
      #expect(db.commands[f] != nil && db.commands[f]?.arguments == shared.commands[f]?.arguments, "\(f)")
    }
  }

  @Test func indexFacts() throws {
    let s = try RealKernel.v61.get().snapshot
    let lo = s.bindingsByField[StructField(structName: "net_device_ops", field: "ndo_start_xmit")] ?? []
    let b = try #require(lo.first { $0.functionName == "loopback_xmit" })
    #expect(b.location.path == "drivers/net/loopback.c" && b.form == .initializer && b.container == "loopback_ops")
    let xmit = try #require(s.functions(named: "__dev_queue_xmit").first)
    #expect(s.tracepointsByCaller[xmit.id]?.contains { $0.event == "net_dev_queue" && $0.system == "net" } == true)
    #expect(s.units.values.allSatisfy { $0.diagnostics.errors == 0 })
    let discovered = Set(s.units.keys)
    for f: SourcePath in ["net/ipv4/tcp.c", "net/ipv4/ip_input.c", "kernel/softirq.c", "net/ipv4/route.c"] {
      #expect(discovered.contains(f), "\(f) was not discovered")
    }
  }

  @Test(arguments: ["6.1", "6.12"]) func classicHopsAndBindings(series: String) throws {
    let k = try (series == "6.1" ? RealKernel.v61 : RealKernel.v612).get()
    let send = try #require(k.paths["send"])
    let receive = try #require(k.paths["receive"])
    #expect(inOrder(classicSend, send.functions), "\(send.functions)")
    #expect(inOrder(classicReceive, receive.functions), "\(receive.functions)")
    // Consecutive hops are real edges: each hop's caller is the previous hop's callee.
    for p in [send, receive] {
      for (a, b) in zip(p.hops, p.hops.dropFirst()) { #expect(a.callee == b.caller) }
    }
    #expect(receive.hops.first?.kind == .softirq)
    let expected: [String: (file: String, text: String)] = [
      "loopback_xmit": ("drivers/net/loopback.c", "loopback_xmit"),
      "ip_output": ("net/ipv4/route.c", "ip_output"),
      "net_rx_action": ("net/core/dev.c", "open_softirq(NET_RX_SOFTIRQ, net_rx_action)"),
      "process_backlog": ("net/core/dev.c", "process_backlog"),
      "ip_rcv": ("net/ipv4/af_inet.c", "ip_rcv"),
      "ip_local_deliver": ("net/ipv4/route.c", "ip_local_deliver"),
      "tcp_v4_rcv": ("net/ipv4/af_inet.c", "tcp_v4_rcv"),
    ]
    for (callee, want) in expected {
      let hop = try #require((send.hops + receive.hops).first { $0.callee == callee }, "\(callee) missing")
      #expect(hop.bindings.contains { $0.file == want.file && $0.text.contains(want.text) }, "\(callee): \(hop.bindings)")
    }
  }

  /// Each shipped walkthrough runs from the system call to the reader's wake-up: the send leg starts at the x86-64
  /// dispatch (6.1: arch/x86/entry/common.c:69 `do_syscall_64`, which Debian's backport sends through the `switch`
  /// in `x64_sys_call`, arch/x86/entry/syscall_64.c:27) and reaches the generic socket layer through the three
  /// functions `SYSCALL_DEFINE6(sendto, …)` makes (6.1: net/socket.c:2161); it crosses the two pointers every socket
  /// write takes, `sock->ops->sendmsg` (INDIRECT_CALL_INET, net/socket.c:718 in 6.1, :712 in 6.12) and
  /// `sk->sk_prot->sendmsg` (INDIRECT_CALL_2 in inet_sendmsg or inet6_sendmsg), each resolved to the function the
  /// spec's context names and bound where the family's tables are. The receive leg ends where the reader's wait
  /// entry wakes it: `curr->func` in `__wake_up_common` (6.1: kernel/sched/wait.c:107) is the callback the reader
  /// declared, `woken_wake_function` in `sk_wait_data` (net/core/sock.c:3017) for TCP, `receiver_wake_function` in
  /// `__skb_wait_for_more_packets` (net/core/datagram.c:91) for UDP.
  @Test(arguments: ["6.1", "6.12"]) func theWholeJourney(series: String) throws {
    let k = try (series == "6.1" ? RealKernel.v61 : RealKernel.v612).get()
    let expected: [(name: String, ops: String, opsFile: String, proto: String, protoFile: String)] = [
      ("tcp-ipv4", "inet_sendmsg", "net/ipv4/af_inet.c", "tcp_sendmsg", "net/ipv4/tcp_ipv4.c"),
      ("tcp-ipv6", "inet6_sendmsg", "net/ipv6/af_inet6.c", "tcp_sendmsg", "net/ipv6/tcp_ipv6.c"),
      ("udp-ipv4", "inet_sendmsg", "net/ipv4/af_inet.c", "udp_sendmsg", "net/ipv4/udp.c"),
      ("udp-ipv6", "inet6_sendmsg", "net/ipv6/af_inet6.c", "udpv6_sendmsg", "net/ipv6/udp.c"),
    ]
    for w in expected {
      let paths = try PathFinder(graph: k.graph, spec: try k.workspace.spec(w.name)).paths()
      let send = try #require(paths.first { $0.direction == "send" })
      let receive = try #require(paths.last)
      #expect(send.hops.first?.caller == journeyStart, "\(w.name): \(send.functions)")
      #expect(receive.hops.last?.callee == journeyEnd, "\(w.name): \(receive.functions)")
      // The scenario has no RPS: the backlog is this CPU's own and is scheduled like a NAPI instance.
      #expect(inOrder(["enqueue_to_backlog", "napi_schedule_rps", "__napi_schedule_irqoff", "____napi_schedule",
        "raise_softirq_irqoff", "__raise_softirq_irqoff"], send.functions), "\(w.name): \(send.functions)")
      #expect(inOrder(journeySyscall + journeySocketLayer.dropFirst() + [w.ops, w.proto], send.functions),
        "\(w.name): \(send.functions)")
      #expect(send.hops.first?.callee == "do_syscall_x64" || send.hops.first?.callee == "__x64_sys_sendto")
      let wake = w.name.hasPrefix("tcp") ? ["woken_wake_function"] : ["receiver_wake_function", "autoremove_wake_function"]
      #expect(inOrder(["sock_def_readable", "__wake_up_sync_key", "__wake_up_common"] + wake
        + ["default_wake_function", "try_to_wake_up"], receive.functions), "\(w.name): \(receive.functions)")
      let entry = try #require(receive.hops.first { $0.caller == "__wake_up_common" })
      #expect(entry.callee == wake[0] && entry.kind == .pointer, "\(w.name): \(entry)")
      #expect(entry.bindings.contains { $0.text.contains("DEFINE_WAIT_FUNC(wait, \(wake[0]))") }, "\(entry.bindings)")
      let ops = try #require(send.hops.first { $0.callee == w.ops })
      #expect(ops.caller == "sock_sendmsg_nosec" && ops.via == "INDIRECT_CALL_INET", "\(w.name): \(ops)")
      #expect(ops.bindings.contains { $0.file == w.opsFile }, "\(w.name): \(ops.bindings)")
      let proto = try #require(send.hops.first { $0.caller == w.ops && $0.callee == w.proto })
      #expect(proto.via == "INDIRECT_CALL_2", "\(w.name): \(proto)")
      #expect(proto.bindings.contains { $0.file == w.protoFile }, "\(w.name): \(proto.bindings)")
      for p in paths {
        for (a, b) in zip(p.hops, p.hops.dropFirst()) { #expect(a.callee == b.caller, "\(w.name) \(p.direction)") }
      }
    }
  }

  /// udp-ipv6 names few waypoints, and its route stays in IPv6 code: udpv6_sendmsg's IPv4-mapped fallback
  /// (6.1: net/ipv6/udp.c:1457 `udp_sendmsg(sk, msg, len)`) would reach ip6_output only through IPv4's
  /// ip_local_out and the shared dst->output, which no datagram to ::1 does.
  @Test(arguments: ["6.1", "6.12"]) func udpIPv6StaysInIPv6(series: String) throws {
    let k = try (series == "6.1" ? RealKernel.v61 : RealKernel.v612).get()
    let spec = try k.workspace.spec("udp-ipv6")
    // Besides __sys_sendto and sock_def_readable, which every walkthrough names (see the spec's comment).
    #expect(spec.legs.allSatisfy { $0.waypoints.filter { !["__sys_sendto", "sock_def_readable"].contains($0) }.count <= 3 },
      "\(spec.legs.map(\.waypoints))")
    let paths = try PathFinder(graph: k.graph, spec: spec).paths()
    let send = try #require(paths.first { $0.direction == "send" })
    let receive = try #require(paths.first { $0.direction == "receive" })
    let ipv4Only = ["udp_sendmsg", "udp_send_skb", "ip_send_skb", "ip_local_out", "ip_output", "ip_finish_output2",
      "ip6_fragment"]
    #expect(Set(send.functions).isDisjoint(with: ipv4Only), "\(send.functions)")
    #expect(inOrder(["udpv6_sendmsg", "udp_v6_send_skb", "ip6_send_skb", "ip6_local_out", "ip6_output",
      "ip6_finish_output2", "dev_queue_xmit", "loopback_xmit", "enqueue_to_backlog"], send.functions), "\(send.functions)")
    #expect(Set(receive.functions).isDisjoint(with: ["ip_rcv", "ip_local_deliver", "udp_rcv", "__udp4_lib_rcv"]))
    #expect(inOrder(["net_rx_action", "process_backlog", "ipv6_rcv", "ip6_rcv_finish", "ip6_input",
      "ip6_protocol_deliver_rcu", "udpv6_rcv", "udpv6_queue_rcv_skb", "__udp_enqueue_schedule_skb"],
      receive.functions), "\(receive.functions)")
    let output = try #require(send.hops.first { $0.callee == "ip6_output" })
    #expect(output.caller == "dst_output" && output.bindings.contains { $0.file == "net/ipv6/route.c" })
  }

  /// icmp-echo has four legs with few waypoints: the request sent from a raw socket (raw_sendmsg pushes its frames
  /// itself, 6.1: net/ipv4/raw.c:653) and received up to icmp_echo, the reply sent from icmp_reply inside that
  /// softirq, and the reply received by the raw socket (raw_local_deliver before the protocol handler).
  @Test(arguments: ["6.1", "6.12"]) func icmpEchoHasItsLegs(series: String) throws {
    let k = try (series == "6.1" ? RealKernel.v61 : RealKernel.v612).get()
    let spec = try k.workspace.spec("icmp-echo")
    // At most three waypoints of its own per leg, besides __sys_sendto (which system call the table dispatches to)
    // and sock_def_readable (which sk_data_ready the socket has), which every walkthrough names.
    #expect(spec.legs.allSatisfy { $0.waypoints.filter { !["__sys_sendto", "sock_def_readable"].contains($0) }.count <= 3 })
    let paths = try PathFinder(graph: k.graph, spec: spec).paths()
    #expect(paths.map(\.direction) == ["send", "receive", "reply", "reply-receive"])
    guard paths.count == 4 else { return }
    let (send, receive, reply, back) = (paths[0], paths[1], paths[2], paths[3])
    #expect(send.hops.first?.caller == journeyStart && send.hops.last?.callee == "__raise_softirq_irqoff")
    #expect(inOrder(["inet_sendmsg", "raw_sendmsg", "ip_push_pending_frames", "ip_local_out", "loopback_xmit"],
      send.functions), "\(send.functions)")
    #expect(!send.functions.contains { $0.hasPrefix("tcp_") }, "\(send.functions)")
    #expect(receive.hops.first?.kind == .softirq)
    #expect(inOrder(["net_rx_action", "process_backlog", "ip_rcv", "ip_local_deliver", "icmp_rcv", "icmp_echo",
      "icmp_reply"], receive.functions), "\(receive.functions)")
    #expect(reply.hops.first?.caller == "icmp_reply" && reply.hops.last?.callee == "__raise_softirq_irqoff")
    #expect(inOrder(["icmp_push_reply", "ip_push_pending_frames", "loopback_xmit"], reply.functions))
    #expect(back.hops.first?.kind == .softirq)
    #expect(inOrder(["net_rx_action", "ip_rcv", "ip_local_deliver", "raw_local_deliver", "raw_rcv"],
      back.functions), "\(back.functions)")
    #expect(inOrder(["raw_rcv", "sock_def_readable", "__wake_up_common", "receiver_wake_function", journeyEnd],
      back.functions), "\(back.functions)")
    #expect(back.hops.last?.callee == journeyEnd)
  }

  @Test func warmReindexIsFast() throws {
    let k = try RealKernel.v61.get()
    let files = Array(k.snapshot.units.keys)
    let report = try k.workspace.indexer.index(files)
    #expect(report.parsed.isEmpty && report.reused.count == files.count)
  }

  @Test func missingLibclangIsOneLine() throws {
    let (status, text) = try runKwalk(
      ["index", "--kernel", "6.1", "--annotations", Fixtures.repository + "/Annotations"],
      environment: ["KWALK_LIBCLANG": "/nonexistent/libclang.so"])
    #expect(status == 1)
    #expect(text.hasSuffix("kwalk: error: libclang not found (tried /nonexistent/libclang.so): apt-get install libclang-dev, or set KWALK_LIBCLANG to the library's path\n"), "\(text)")
  }

  @Test func unknownKernelAndWalkthrough() throws {
    let run = { (args: [String]) in try runKwalk(args) }
    let (s1, e1) = try run(["flags", "--kernel", "5.99"])
    // Not in /usr/src, so kwalk asks Debian's suites, none of which carries it.
    #expect(s1 == 1 && e1.contains("kwalk: error: no Debian suite (bullseye, bookworm, trixie, sid) carries "
      + "linux-source-5.99: pass one of 5.10, "), "\(e1)")
    let (s2, e2) = try run(["path", "--walkthrough", "nope", "--annotations", Fixtures.repository + "/Annotations"])
    #expect(s2 == 1 && e2.contains("unknown walkthrough 'nope'"))
  }

  /// Stacks that leave out a walkthrough are an error, not a route found without the evidence asked for; the site
  /// writes nothing.
  @Test func stacksWithoutTheWalkthroughAreAnError() throws {
    _ = try RealKernel.v61.get()
    let annotations = ["--annotations", Fixtures.repository + "/Annotations"]
    // Recorded before traces named their walkthroughs: no walkthrough's stacks can be told apart.
    let trace = Fixtures.tree("traces") + "/tcp-ipv4-stacks.trace"
    let (s1, e1) = try runKwalk(["path", "--kernel", "6.1", "--walkthrough", "udp-ipv4", "--stacks", trace] + annotations)
    let errors1 = e1.split(separator: "\n").filter { $0.hasPrefix("kwalk: error:") }
    #expect(s1 == 1 && errors1 == ["kwalk: error: \(trace): no stacks of walkthrough udp-ipv4; record it with kwalk trace --out"], "\(e1)")
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("kwalk-site-\(UUID().uuidString)").path
    let (s2, e2) = try runKwalk(["site", "--kernel", "6.1", "--stacks", trace, "--out", out] + annotations)
    let errors2 = e2.split(separator: "\n").filter { $0.hasPrefix("kwalk: error:") }
    #expect(s2 == 1 && errors2.count == 1 && errors2[0].hasPrefix("kwalk: error: \(trace): no stacks of walkthrough "), "\(e2)")
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  @Test func indexAlsoTakesFilesAndDirectories() throws {
    _ = try RealKernel.v61.get()
    let annotations = ["--annotations", Fixtures.repository + "/Annotations"]
    // A file the walkthroughs index anyway: named, found built, nothing parsed again.
    let ok = try runKwalkCapturing(["index", "--kernel", "6.1", "--also", "net/ipv4/ip_input.c"] + annotations)
    #expect(ok.status == 0 && ok.stdout.contains("also: 1 files, 1 built in this config, 0 parsed now\n"), "\(ok)")
    let (status, text) = try runKwalk(["index", "--kernel", "6.1", "--also", "net/nowhere"] + annotations)
    #expect(status == 1 && text.hasPrefix("kwalk: error: --also net/nowhere: no such file or directory in ") && text.split(separator: "\n").count == 1, "\(text)")
  }
}

/// A copy of a prepared tree's build directory in a temporary cache directory of its own (same sources), where a
/// test may remove objects and run kbuild without touching the shared cache.
struct ScratchBuild {
  let tree: PreparedTree

  init(of original: PreparedTree) throws {
    let fm = FileManager.default
    let dir = fm.temporaryDirectory.appendingPathComponent("kwalk-scratch-\(UUID().uuidString)").path
    try fm.createDirectory(atPath: dir + "/logs", withIntermediateDirectories: true)
    let copy = Process()
    copy.executableURL = URL(fileURLWithPath: "/bin/cp")
    copy.arguments = ["-a", original.buildRoot, dir + "/build"]
    try copy.run()
    copy.waitUntilExit()
    try #require(copy.terminationStatus == 0)
    var tree = original
    tree.buildRoot = dir + "/build"
    tree.cacheDirectory = dir
    self.tree = tree
  }

  /// Where kbuild puts `file`'s object.
  func object(of file: SourcePath) -> String { tree.buildRoot + "/" + file.value.dropLast(2) + ".o" }

  /// Removes `file`'s object and the `.cmd` and `.d` files kbuild wrote with it, as if it had never been compiled.
  func removeOutputs(of file: SourcePath) {
    let base = String(file.value.dropLast(2))
    let hidden = (base as NSString).deletingLastPathComponent + "/." + (base as NSString).lastPathComponent
    for path in [base + ".o", hidden + ".o.cmd", hidden + ".o.d"] {
      try? FileManager.default.removeItem(atPath: tree.buildRoot + "/" + path)
    }
  }

  func remove() {
    try? FileManager.default.removeItem(atPath: tree.cacheDirectory)
    try? FileManager.default.removeItem(atPath: tree.cacheDirectory + ".make.lock")
  }
}

/// Runs the built kwalk with extra environment, through `launcher` (a command that takes the binary and its
/// arguments, such as `setpriv --reuid=…`) when one is given, and returns its exit status and standard error.
func runKwalk(
  _ arguments: [String], environment: [String: String] = [:], launcher: [String] = []
) throws -> (Int32, String) {
  let binary = Fixtures.repository + "/.build/debug/kwalk"
  try #require(FileManager.default.isExecutableFile(atPath: binary))
  let command = launcher + [binary] + arguments
  let p = Process()
  p.executableURL = URL(fileURLWithPath: command[0])
  p.arguments = Array(command.dropFirst())
  p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
  let err = Pipe()
  p.standardError = err
  p.standardOutput = FileHandle.nullDevice
  try p.run()
  let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
  p.waitUntilExit()
  return (p.terminationStatus, text)
}
