import KwalkClang
import KwalkCore
import KwalkTestSupport
import Testing

/// route-mini's system call side: functions whose names a macro pastes together (`SYSCALL_DEFINE3(sendto, …)`), and
/// a call through a global array of function pointers whose initializer binds its entries (`sys_call_table`).
@Suite struct MacroMadeFunctionExtractionTests {
  func line(_ marker: String, _ file: String) throws -> Int { try Fixtures.line(of: marker, in: file, tree: "route-mini") }

  @Test func functionsNamedByTokenPastingArePlacedAtTheMacro() throws {
    let socket = try Fixtures.facts(tree: "route-mini", file: "net/socket.c")
    let define = SourceLocation(path: "net/socket.c", line: try line("route:syscall-define", "net/socket.c"), column: 1)
    for name in ["__x64_sys_sendto", "__se_sys_sendto", "__do_sys_sendto"] {
      let fn = try #require(socket.functions.first { $0.name == name }, "\(name)")
      #expect(fn.location == define, "\(name)")
    }
    #expect(socket.functions.first { $0.name == "__x64_sys_sendto" }?.isStatic == false)
    #expect(socket.functions.first { $0.name == "__do_sys_sendto" }?.isInline == true)
    // Their calls: the two the macro makes, and the body written after it.
    func calls(_ name: String) -> [String] {
      let id = socket.functions.first { $0.name == name }?.id
      return socket.callSites.filter { $0.caller == id }.map { "\($0.kind) \($0.target.description)" }
    }
    #expect(calls("__x64_sys_sendto") == ["macro __se_sys_sendto"])
    #expect(calls("__se_sys_sendto") == ["macro __do_sys_sendto"])
    #expect(calls("__do_sys_sendto") == ["direct __sys_sendto"])
    let macro = try #require(socket.callSites.first { $0.target.description == "__se_sys_sendto" }?.macro)
    #expect(macro.name == "SYSCALL_DEFINE3" && macro.definition?.path == "include/linux/syscalls.h")
  }

  @Test func callThroughAGlobalArrayOfFunctionPointers() throws {
    let common = try Fixtures.facts(tree: "route-mini", file: "arch/x86/entry/common.c")
    let id = try #require(common.functions.first { $0.name == "do_syscall_x64" }?.id)
    let call = try #require(common.callSites.first { $0.caller == id })
    #expect(call.target == .field(StructField(structName: "sys_call_table", field: "[]")))
    #expect(call.target.description == "sys_call_table[]")
    #expect(call.kind == .pointer && !call.throughPointer)
    #expect(call.expression == "sys_call_table[unr](regs)")
    #expect(call.location == SourceLocation(path: "arch/x86/entry/common.c", line: try line("route:table-call", "arch/x86/entry/common.c"), column: 14))
    #expect(call.guards.map(\.condition) == ["likely(unr < NR_syscalls)"] && call.guards.first?.hint == .likely)
  }

  @Test func positionalTableEntriesAreBindings() throws {
    let table = try Fixtures.facts(tree: "route-mini", file: "arch/x86/entry/syscall_64.c")
    let field = StructField(structName: "sys_call_table", field: "[]")
    #expect(table.bindings.allSatisfy { $0.field == field && $0.form == .initializer && $0.container == "sys_call_table" })
    #expect(table.bindings.map(\.functionName) == ["__x64_sys_read", "__x64_sys_write", "__x64_sys_sendto"])
    // Each entry is pasted by `__SYSCALL`: it is placed at the line of the generated header that invokes it.
    let sendto = try #require(table.bindings.last)
    #expect(sendto.location == SourceLocation(path: "include/asm/syscalls_64.h", line: try line("route:table-sendto", "include/asm/syscalls_64.h"), column: 1))
    #expect(sendto.text.hasPrefix("__SYSCALL(2, sys_sendto)"))
  }

  @Test func designatedTableEntriesAndTheirRangeAreBindings() throws {
    let table = try Fixtures.facts(tree: "route-mini", file: "arch/x86/entry/syscall_64.c", defines: ["ROUTE_MINI_DESIGNATED"])
    #expect(table.diagnostics.errors == 0)
    #expect(table.bindings.map(\.functionName) == ["__x64_sys_ni_syscall", "__x64_sys_read", "__x64_sys_write", "__x64_sys_sendto"])
    let range = try #require(table.bindings.first)
    #expect(range.location.path == "arch/x86/entry/syscall_64.c")
    #expect(range.location.line == (try line("route:table-range", "arch/x86/entry/syscall_64.c")))
    #expect(Set(table.bindings.map(\.field)) == [StructField(structName: "sys_call_table", field: "[]")])
  }

  @Test func arraysOfStructsAreNotTables() throws {
    // linux-mini's ops tables are structs: none of their bindings is an array element.
    let loopback = try Fixtures.facts(tree: "linux-mini", file: "drivers/net/loopback.c")
    #expect(!loopback.bindings.isEmpty && loopback.bindings.allSatisfy { $0.field.field != "[]" })
  }
}
