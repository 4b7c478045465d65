import Foundation
import KwalkCore
import KwalkIndex
import KwalkTestSupport
import Testing

/// A function that inline asm calls through an operand (x86's `call_on_irqstack(__do_softirq, …)`) is a call of the
/// function that holds the asm, recorded at the macro that writes it (route-rank's kernel/softirq.c).
@Suite struct AsmCallTests {
  @Test func anAsmOperandIsACallAtItsMacro() throws {
    let snapshot = try Fixtures.snapshot(tree: "route-rank", files: ["kernel/softirq.c"])
    let caller = try #require(snapshot.functions(named: "do_softirq").first)
    let calls = snapshot.callsByCaller[caller.id] ?? []
    #expect(calls.count == 1)
    let call = try #require(calls.first)
    #expect(call.target.description == "__do_softirq")
    #expect(call.kind == .macro && call.macro?.name == "do_softirq_own_stack")
    #expect(call.location.line == 9 && call.expression == "do_softirq_own_stack()")
    #expect(call.guards.map(\.condition) == ["pending"])
  }
}
