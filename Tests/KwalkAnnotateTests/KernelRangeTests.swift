import Foundation
import KwalkAnnotate
import KwalkCore
import Testing

/// `kernels:` in a note's front matter: which series it is about.
@Suite struct KernelRangeTests {
  @Test func rangesOfSeries() throws {
    let v510 = KernelVersion(major: 5, minor: 10, sublevel: 223)
    let v61 = KernelVersion(major: 6, minor: 1, sublevel: 192)
    let v612 = KernelVersion(major: 6, minor: 12, sublevel: 117)
    let v72 = KernelVersion(major: 7, minor: 2, sublevel: 13)
    let from = try #require(KernelRange("6.1-"))
    #expect(!from.contains(v510) && from.contains(v61) && from.contains(v72))
    let until = try #require(KernelRange("-6.12"))
    #expect(until.contains(v510) && until.contains(v612) && !until.contains(v72))
    let between = try #require(KernelRange("6.1-6.12"))
    #expect(between.contains(v61) && between.contains(v612) && !between.contains(v510) && !between.contains(v72))
    let one = try #require(KernelRange("7.2"))
    #expect(one.contains(v72) && !one.contains(v612) && one.description == "7.2-7.2")
    for bad in ["", "-", "7", "6.12-6.1", "6.1.5-", "new"] { #expect(KernelRange(bad) == nil, "\(bad)") }
  }

  @Test func parsedFromFrontMatter() throws {
    let text = """
      ---
      id: n.one
      walkthrough: w
      direction: send
      function: f
      kernels: -5.10
      ---
      Only in 5.10.
      """
    let notes = try AnnotationParser.parse(text, file: "w/n.md")
    #expect(notes.first?.kernels == KernelRange("-5.10"))
    #expect(notes.first?.applies(to: KernelVersion(major: 5, minor: 10)) == true)
    #expect(notes.first?.applies(to: KernelVersion(major: 6, minor: 1)) == false)
    #expect(throws: AnnotationError.self) {
      try AnnotationParser.parse(text.replacingOccurrences(of: "-5.10", with: "soon"), file: "w/n.md")
    }
  }
}
