import Foundation
import KwalkTestSupport
import Testing

@testable import KwalkTrace

/// A trace saved with Windows line ends (or through an editor that added a byte order mark) reads like the original,
/// with the same line numbers; before, `\r\n` being one Character left the whole file as one unreadable line.
@Suite struct TraceLineEndTests {
  @Test(arguments: ["tcp-ipv4-stacks.trace", "loopback-nostacks.trace"]) func crlfReadsAsLF(_ name: String) throws {
    let text = try String(contentsOfFile: Fixtures.root + "/traces/" + name, encoding: .utf8)
    let lf = try TraceParser.parse(text, source: name)
    let crlf = try TraceParser.parse("\u{FEFF}" + text.replacingOccurrences(of: "\n", with: "\r\n"), source: name)
    #expect(crlf.records == lf.records && crlf.markers == lf.markers)
    #expect(lf.records.count > 10)
  }

  @Test func aFileNameWithALineBreakStaysOneLine() {
    #expect(throws: TraceError.notFtrace("a\\nb.trace")) { try TraceParser.parse("hello\n", source: "a\nb.trace") }
  }
}
