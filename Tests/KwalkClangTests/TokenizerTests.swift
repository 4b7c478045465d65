import KwalkClang
import KwalkCore
import KwalkTestSupport
import Testing

/// libclang's tokens of linux-mini files, classified for source views.
@Suite struct TokenizerTests {
  func kinds(_ source: TokenizedSource) -> [String: Set<SourceTokenKind>] {
    var out: [String: Set<SourceTokenKind>] = [:]
    for t in source.tokens { out[source.text.text(t.offset..<(t.offset + t.length)), default: []].insert(t.kind) }
    return out
  }

  @Test func classifiesTokensOfAFileAndAHeader() throws {
    let files = try Fixtures.tokenized(
      tree: "linux-mini", files: ["net/core/dev.c", "include/linux/indirect_call_wrapper.h"], units: ["net/core/dev.c"])
    let dev = try #require(files["net/core/dev.c"])
    let k = kinds(dev)
    #expect(k["return"] == [.keyword] && k["struct"] == [.keyword])
    #expect(k["include"] == [.keyword] && k["#"] == [.keyword], "a directive's name and its #")
    #expect(k["INDIRECT_CALL_2"] == [.macro], "\(k["INDIRECT_CALL_2"] ?? [])")
    #expect(k["dev_queue_xmit"]?.contains(.identifier) == true)
    #expect(
      k.keys.contains { $0.hasPrefix("/*") }
        && k.filter { $0.key.hasPrefix("/*") }.values.allSatisfy { $0 == [.comment] })
    let first = try #require(dev.tokens.first)
    #expect(first.line == 1 && first.column == 1 && first.offset == 0)
    // Tokens are in file order and lie on the line they claim.
    for t in dev.tokens.prefix(200) { #expect(dev.text.lineNumber(atOffset: t.offset) == t.line) }
    let header = try #require(files["include/linux/indirect_call_wrapper.h"])
    let hk = kinds(header)
    #expect(hk["define"] == [.keyword])
    #expect(hk["INDIRECT_CALL_2"] == [.macro], "the name in its #define: \(hk["INDIRECT_CALL_2"] ?? [])")
  }
}
