import KwalkCore
import KwalkGraph
import KwalkIndex
import KwalkTestSupport
import Testing

/// A call through route-mini's `sys_call_table` reaches every function the table's initializer names, as a pointer
/// hop bound at the table's entry; the system call defined by `SYSCALL_DEFINE3` continues from there.
@Suite struct FunctionTableEdgeTests {
  @Test func tableCallReachesTheMacroMadeSystemCall() throws {
    let snapshot = try Fixtures.snapshot(
      tree: "route-mini", files: ["arch/x86/entry/common.c", "arch/x86/entry/syscall_64.c", "net/socket.c"])
    let graph = CallGraph(snapshot: snapshot)
    let dispatcher = try #require(graph.resolve(name: "do_syscall_x64"))
    let edges = graph.edges(from: dispatcher)
    // One edge per entry; only sendto is defined in the files indexed here.
    #expect(Set(edges.flatMap { $0.bindings.map(\.functionName) }) == ["__x64_sys_read", "__x64_sys_write", "__x64_sys_sendto"])
    let sendto = try #require(edges.first { graph.name($0.callee) == "__x64_sys_sendto" })
    #expect(sendto.kind == .pointer && sendto.field?.description == "sys_call_table[]")
    #expect(sendto.bindings.map(\.location.path) == ["include/asm/syscalls_64.h"])
    // The defined one has a body: the route goes on through the pasted functions to __sys_sendto.
    let x64 = try #require(graph.resolve(name: "__x64_sys_sendto"))
    #expect(graph.edges(from: x64).map { graph.name($0.callee) } == ["__se_sys_sendto"])
  }
}
