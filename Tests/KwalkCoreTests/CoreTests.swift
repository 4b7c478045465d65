import KwalkCore
import Testing

/// Text helpers the extractor relies on.
@Suite struct CoreTests {
  @Test func conditionalBlocks() {
    let text = SourceText(string: """
      a
      #ifdef CONFIG_RPS
      b
      #if IS_ENABLED(CONFIG_XPS) && !defined(CONFIG_NUMA)
      c
      #else
      d
      #endif
      #endif
      #ifndef CONFIG_SMP
      e
      #elif defined(CONFIG_BQL)
      f
      #endif
      """)
    let g = ConditionalBlocks(text: text)
    #expect(g.conditions(atLine: 1) == [])
    #expect(g.conditions(atLine: 3) == ["CONFIG_RPS"])
    #expect(g.conditions(atLine: 5) == ["CONFIG_RPS", "CONFIG_XPS", "!CONFIG_NUMA"])
    #expect(g.conditions(atLine: 7) == ["CONFIG_RPS", "!CONFIG_XPS", "CONFIG_NUMA"])
    #expect(g.conditions(atLine: 11) == ["!CONFIG_SMP"])
    #expect(g.conditions(atLine: 13) == ["CONFIG_SMP", "CONFIG_BQL"])
  }

  @Test func sourceText() {
    let t = SourceText(string: "int f(int a)\n{\n  return g((a), h(1));\n}\n")
    #expect(t.lineCount == 4)
    #expect(t.line(3) == "  return g((a), h(1));")
    #expect(t.lineNumber(atOffset: 14) == 2)
    let g = 24
    #expect(t.identifier(at: g) == "g")
    #expect(t.text(g..<(t.endOfParenthesizedGroup(from: g + 1) ?? 0)) == "g((a), h(1))")
  }

  @Test func pathsAndFields() {
    let m = TreePathMapper(sourceRoot: "/k/src/", buildRoot: "/k/build")
    #expect(m.sourcePath(for: "/k/src/net/core/../core/dev.c") == "net/core/dev.c")
    #expect(m.sourcePath(for: "/k/build/./include/generated/autoconf.h") == "O/include/generated/autoconf.h")
    #expect(m.sourcePath(for: "/usr/include/x.h") == nil)
    #expect(StructField(parsing: "struct net_device_ops.ndo_start_xmit")?.description == "net_device_ops.ndo_start_xmit")
    #expect(StructField(parsing: "nonsense") == nil)
    #expect(KernelVersion("6.1.192")?.series == "6.1")
    #expect(KernelVersion("6.x") == nil)
  }
}
