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

/// `kwalk check` lists, per kernel, the notes their `kernels:` range left out.
@Suite struct SkippedNotesTests {
  let notes: [Annotation]

  init() throws {
    notes = try AnnotationParser.parse(
      """
      ---
      id: n.old
      walkthrough: w
      direction: send
      function: f
      kernels: -5.10
      ---
      Only in 5.10.
      ---
      id: n.all
      walkthrough: w
      direction: send
      function: f
      ---
      Everywhere.
      ---
      id: n.new
      walkthrough: w
      direction: send
      function: g
      kernels: 6.12-
      ---
      From 6.12.
      """, file: "w/n.md")
  }

  @Test func eachKernelListsWhatItsRangeLeftOut() throws {
    let v61 = KernelVersion(major: 6, minor: 1, sublevel: 192)
    let skipped = AnnotationReport.Kernel.skipped(notes, version: v61)
    #expect(skipped.map(\.id) == ["n.old", "n.new"])
    #expect(AnnotationReport.Kernel.skipped(notes, version: KernelVersion(major: 7, minor: 2)).map(\.id) == ["n.old"])
    let report = AnnotationReport(kernels: [.init(label: "6.1", version: "6.1.192", entries: [], skipped: skipped)])
    let text = report.text()
    #expect(text.contains("skipped   6.1 n.old w/n.md:1 (kernels: -5.10 leaves out 6.1.192)\n"), "\(text)")
    #expect(text.contains("skipped   6.1 n.new w/n.md:16 (kernels: 6.12- leaves out 6.1.192)\n"), "\(text)")
    #expect(text.hasSuffix("; 2 skipped by their kernels: range\n"), "\(text)")
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let json = String(decoding: try encoder.encode(report.json), as: UTF8.self)
    #expect(json.contains("\"skipped\":[{\"id\":\"n.old\""), "\(json)")
    #expect(json.contains("\"kernels\":\"6.12-\""))
  }
}
