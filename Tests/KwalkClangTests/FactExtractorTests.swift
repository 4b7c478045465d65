import KwalkClang
import KwalkCore
import KwalkTestSupport
import Testing

/// The extractor on linux-mini: every construct with the exact facts it must produce.
@Suite struct FactExtractorTests {
  let dev: TranslationUnitFacts
  let loopback: TranslationUnitFacts
  let ipInput: TranslationUnitFacts
  let softirq: TranslationUnitFacts

  init() throws {
    dev = try Fixtures.facts(tree: "linux-mini", file: "net/core/dev.c")
    loopback = try Fixtures.facts(tree: "linux-mini", file: "drivers/net/loopback.c")
    ipInput = try Fixtures.facts(tree: "linux-mini", file: "net/ipv4/ip_input.c")
    softirq = try Fixtures.facts(tree: "linux-mini", file: "kernel/softirq.c")
  }

  func calls(_ facts: TranslationUnitFacts, in function: String) -> [CallSiteFact] {
    let id = facts.functions.first { $0.name == function }?.id
    return facts.callSites.filter { $0.caller == id }
  }

  @Test func parsesWithoutErrors() {
    for f in [dev, loopback, ipInput, softirq] { #expect(f.diagnostics.errors == 0, "\(f.file): \(f.diagnostics.firstErrors)") }
  }

  @Test func functionsAndHeaderInlines() throws {
    let xmit = try #require(dev.functions.first { $0.name == "dev_queue_xmit" })
    #expect(!xmit.isStatic && !xmit.isInline)
    #expect(xmit.location.path == "net/core/dev.c")
    #expect(xmit.signature == "int dev_queue_xmit(struct sk_buff *skb)")
    let inline = try #require(dev.functions.first { $0.name == "netdev_start_xmit" })
    #expect(inline.isStatic && inline.isInline)
    #expect(inline.location.path == "include/linux/netdevice.h")
    let backlog = try #require(dev.functions.first { $0.name == "process_backlog" })
    #expect(backlog.isStatic && !backlog.isInline && backlog.parameters == ["napi", "quota"])
  }

  @Test func directAndInlineCalls() throws {
    let direct = try #require(calls(dev, in: "dev_queue_xmit").first { $0.target.description == "dev_hard_start_xmit" })
    #expect(direct.kind == .direct)
    #expect(direct.location.line == (try Fixtures.line(of: "dev_hard_start_xmit:direct", in: "net/core/dev.c")))
    let inline = try #require(calls(dev, in: "dev_hard_start_xmit").first)
    #expect(inline.kind == .inline && inline.target.description == "netdev_start_xmit")
    #expect(inline.expression == "netdev_start_xmit(skb, dev)")
  }

  @Test func pointerCallThroughField() throws {
    let call = try #require(calls(dev, in: "netdev_start_xmit").first)
    #expect(call.kind == .pointer)
    #expect(call.target == .field(StructField(structName: "net_device_ops", field: "ndo_start_xmit")))
    #expect(call.expression == "ops->ndo_start_xmit(skb, dev)")
    #expect(call.location == SourceLocation(path: "include/linux/netdevice.h", line: try Fixtures.line(of: "ndo_start_xmit:pointer", in: "include/linux/netdevice.h"), column: 14))
  }

  @Test func indirectCallMacro() throws {
    let line = try Fixtures.line(of: "deliver:indirect", in: "net/core/dev.c")
    let sites = calls(dev, in: "deliver_skb")
    #expect(sites.allSatisfy { $0.kind == .macro && $0.macro?.name == "INDIRECT_CALL_2" && $0.location.line == line })
    #expect(Set(sites.map(\.target.description)) == ["ip_rcv", "ipv6_rcv", "packet_type.func"])
    #expect(sites.filter(\.throughPointer).map(\.target) == [.field(StructField(structName: "packet_type", field: "func"))])
    let def = try #require(sites.first?.macro?.definition)
    #expect(def.path == "include/linux/indirect_call_wrapper.h")
    #expect(def.line == 6)
  }

  @Test func functionLikeMacroProducingACall() throws {
    let call = try #require(calls(ipInput, in: "ip_rcv_finish").first)
    #expect(call.kind == .macro && call.macro?.name == "dev_kfree_skb" && call.target.description == "consume_skb")
    #expect(call.expression == "dev_kfree_skb(skb)")
    #expect(call.macro?.definition?.line == 4)
  }

  @Test func inlineFunctionWithFunctionTypedParameter() throws {
    let hook = try #require(calls(ipInput, in: "ip_rcv").first)
    #expect(hook.kind == .inline && hook.target.description == "NF_HOOK")
    guard case .function(_, let name) = hook.arguments[2] else { Issue.record("okfn argument not a function"); return }
    #expect(name == "ip_rcv_finish")
    let okfn = try #require(calls(ipInput, in: "NF_HOOK").first)
    #expect(okfn.kind == .pointer && okfn.target == .parameter(index: 2, name: "okfn"))
  }

  @Test func bindings() throws {
    let designated = loopback.bindings.filter { $0.field == StructField(structName: "net_device_ops", field: "ndo_start_xmit") }
    #expect(designated.count == 1)
    #expect(designated.first?.functionName == "loopback_xmit")
    #expect(designated.first?.form == .initializer && designated.first?.container == "loopback_ops")
    #expect(designated.first?.location.line == (try Fixtures.line(of: "loopback_ops:designated", in: "drivers/net/loopback.c")))
    #expect(loopback.bindings.contains { $0.field.field == "ndo_init" && $0.functionName == "loopback_dev_init" })

    let positional = try #require(ipInput.bindings.first { $0.field == StructField(structName: "packet_type", field: "func") })
    #expect(positional.functionName == "ip_rcv" && positional.form == .initializer && positional.container == "ip_packet_type")
    #expect(!ipInput.bindings.contains { $0.field.field == "type" })

    let assignment = try #require(dev.bindings.first { $0.field == StructField(structName: "napi_struct", field: "poll") })
    #expect(assignment.functionName == "process_backlog" && assignment.form == .assignment)
    #expect(assignment.text == "sd->backlog.poll = process_backlog; /*backlog:assignment*/")
  }

  @Test func registrationThroughAParameter() throws {
    let store = try #require(softirq.parameterStores.first)
    #expect(softirq.parameterStores.count == 1)
    #expect(store.functionName == "open_softirq" && store.parameterIndex == 1)
    #expect(store.field == StructField(structName: "softirq_action", field: "action"))
    let open = try #require(calls(dev, in: "net_dev_init").first { $0.target.description == "open_softirq" })
    #expect(open.arguments.count == 2)
    #expect(open.arguments[0] == .enumConstant("NET_RX_SOFTIRQ"))
  }

  @Test func tracepointsAndConfig() throws {
    let trace = try #require(dev.tracepoints.first { $0.event == "net_dev_queue" })
    #expect(trace.system == "net")
    #expect(trace.location.line == (try Fixtures.line(of: "net_dev_queue:trace", in: "net/core/dev.c")))
    #expect(!dev.callSites.contains { $0.target.description.hasPrefix("trace_") })
    let raise = try #require(calls(dev, in: "enqueue_to_backlog").first { $0.target.description == "__raise_softirq_irqoff" })
    #expect(raise.config == ["CONFIG_RPS"])
    #expect(raise.arguments == [.enumConstant("NET_RX_SOFTIRQ")])
  }

  @Test func configGuardRemovesCall() throws {
    let without = try Fixtures.facts(tree: "linux-mini", file: "net/core/dev.c", defines: [])
    #expect(!without.callSites.contains { $0.target.description == "__raise_softirq_irqoff" })
  }
}
