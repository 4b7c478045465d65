import Foundation
import KwalkCommandLine
import KwalkGraph
import KwalkKernel
import KwalkTestSupport
import Testing

/// Every kernel Debian ships, 5.10 to 7.2, fetched, prepared, indexed and walked by kwalk itself in the standard
/// cache: each with the LLVM it needs, and one set of walkthrough specs and notes for all of them.
@Suite(.serialized) struct AllKernelsTests {
  @Test func eachTreeIsBuiltAndParsedWithItsOwnLLVM() throws {
    for (kernel, llvm) in [(try RealKernel.v510.get(), 14), (try RealKernel.v72.get(), 19)] {
      let tree = kernel.workspace.tree
      #expect(tree.toolchain.llvm == llvm)
      #expect(tree.toolchain.compiler.hasPrefix("Debian clang version \(llvm)."), "\(tree.toolchain)")
      let db = Kbuild(tree: tree, progress: .silent).database()
      let dev = try #require(db.commands["net/core/dev.c"])
      #expect(dev.arguments.first == "/usr/lib/llvm-\(llvm)/bin/clang")
      // 5.10 still takes stdarg.h from the compiler: its builtin headers are this LLVM's too.
      if llvm == 14 {
        let i = try #require(dev.arguments.firstIndex(of: "-isystem"))
        #expect(dev.arguments[i + 1].hasPrefix("/usr/lib/llvm-14/lib/clang/"), "\(dev.arguments[i + 1])")
      }
      #expect(kernel.snapshot.units.values.allSatisfy { $0.diagnostics.errors == 0 })
    }
    #expect(try RealKernel.v510.get().workspace.tree.debianPackageVersion?.hasPrefix("5.10.") == true)
  }

  @Test func theClassicHopsUnderEachKernelsNames() throws {
    let v510 = try RealKernel.v510.get()
    let send = try #require(v510.paths["send"])
    let receive = try #require(v510.paths["receive"])
    // 5.10's loopback calls netif_rx, and its napi_poll calls the poll function itself.
    let older = classicSend.map { $0 == "__netif_rx" ? "netif_rx" : $0 }
    #expect(inOrder(older, send.functions), "\(send.functions)")
    #expect(inOrder(classicReceive, receive.functions), "\(receive.functions)")
    #expect(send.renamedStops.map { "\($0.name)=\($0.used ?? "-")" } == ["__netif_rx=netif_rx"])
    #expect(receive.renamedStops.map { "\($0.name)=\($0.used ?? "-")" } == ["__napi_poll=napi_poll"])
    let v72 = try RealKernel.v72.get()
    #expect(inOrder(classicSend, try #require(v72.paths["send"]).functions))
    #expect(inOrder(classicReceive, try #require(v72.paths["receive"]).functions))
    #expect(v72.paths.values.allSatisfy { $0.renamedStops.isEmpty })
    // 5.10's ip_finish_output2 holds bottom halves off around the whole transmit, so NET_RX runs at its enable; 7.2,
    // like 6.1, runs it at __dev_queue_xmit's.
    #expect(receive.runs.first?.caller == "ip_finish_output2", "\(receive.runs.map(\.callee))")
    #expect(v72.paths["receive"]?.runs.first?.caller == "__dev_queue_xmit")
    for k in [v510, v72] {
      for p in k.paths.values {
        for (a, b) in zip(p.hops, p.hops.dropFirst()) { #expect(a.callee == b.caller) }
      }
    }
  }

  @Test func anOptionalWaypointAKernelLacks() throws {
    let v72 = try RealKernel.v72.get()
    let receive = try PathFinder(graph: v72.graph, spec: try v72.workspace.spec("udp-ipv4")).path(direction: "receive")
    #expect(receive.renamedStops.map(\.name) == ["__udp4_lib_rcv"] && receive.renamedStops[0].used == nil)
    #expect(receive.stopNote == "__udp4_lib_rcv is absent (optional)")
    #expect(inOrder(["udp_rcv", "udp_unicast_rcv_skb", "__udp_enqueue_schedule_skb"], receive.functions))
    #expect(!receive.functions.contains("__udp4_lib_rcv"))
  }

  @Test func everyNoteResolvesInAllFourKernels() throws {
    let (status, text, errors) = try runKwalkOutput([
      "check", "--kernel", "5.10", "--kernel", "6.1", "--kernel", "6.12", "--kernel", "7.2",
      "--annotations", Fixtures.repository + "/Annotations",
    ])
    #expect(status == 0, "\(errors)")
    let summary = text.split(separator: "\n").filter { $0.contains(" annotations: ") }
    #expect(summary.count == 4)
    #expect(summary.allSatisfy { $0.contains(" 0 orphaned, 0 ambiguous") }, "\(summary)")
    // Notes about code 5.10 lacks are not placed there, nor counted: fewer notes than in 6.1.
    let counts = summary.map { Int($0.split(separator: " ")[2]) ?? 0 }
    #expect(counts[0] < counts[1] && counts[3] < counts[1], "\(summary)")
    // Each kernel lists the notes it skipped, one line each with the range, and counts them: placed and skipped
    // notes add up to every note in each kernel.
    let lines = text.split(separator: "\n")
    for (label, placed) in zip(["5.10", "6.1", "6.12", "7.2"], counts) {
      let skipped = lines.filter { $0.hasPrefix("skipped   \(label) ") }
      #expect(skipped.allSatisfy { $0.contains(" (kernels: ") && $0.contains(" leaves out \(label).") }, "\(skipped)")
      let said = summary.first { $0.hasPrefix("\(label) (") }.flatMap { line in
        line.range(of: "; ").map { Int(line[$0.upperBound...].split(separator: " ")[0]) ?? -1 }
      }
      #expect((said ?? 0) == skipped.count, "\(label): \(summary)")
      #expect(placed + skipped.count == counts[1] + lines.filter { $0.hasPrefix("skipped   6.1 ") }.count)
    }
    #expect(lines.contains { $0.hasPrefix("skipped   5.10 ") } && lines.contains { $0.hasPrefix("skipped   7.2 ") })
  }
}
