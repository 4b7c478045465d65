import Foundation
import KwalkGraph
import KwalkTestSupport
import Testing

/// The walkthrough specs in Tests/Fixtures/fuzz/walkthrough, inputs that fuzzing found to crash the parser or to
/// make it print an error over several lines, and a few that stand for a kind of bad input. Each goes through
/// `WalkthroughSpec.loadAll`, as every kwalk command reads specs (commands need a kernel tree first, so this is not
/// a run of the binary), and must be refused with one line naming the file and the line.
@Suite struct WalkthroughBadInputTests {
  static let directory = Fixtures.root + "/fuzz/walkthrough"

  /// What each fixture's error says after `<path>:`.
  static let expected: [String: String] = [
    "after-a-later-leg.walk": "4: 'after: send' must name a leg's section above this one",
    // Trapped (index out of range) before: a context line that is only a colon.
    "colon-alone-in-context.walk": "2: a context line reads 'struct.field = function: why'",
    // Found by fuzzing: a \r or \v in a key or section name was printed raw, breaking the error's line.
    "cr-in-key.walk": "1: the line holds the control character \\r",
    "cr-in-section.walk": "1: the line holds the control character \\r",
    "vt-in-key.walk": "1: the line holds the control character \\u{B}",
    "vt-in-section.walk": "1: the line holds the control character \\u{B}",
    "escape-sequence-in-title.walk": "2: the line holds the control character \\u{1B}",
    "file-outside-tree.walk": "2: '../../etc/passwd' is not a path inside the kernel tree",
    "invalid-utf8-in-name.walk": "1: the name 'tcp\u{FFFD}ipv4' may hold only letters, digits, '_', '.' and '-'",
    "long-unknown-key.walk": "2: unknown key '\(String(repeating: "k", count: 60))…'",
    "section-twice.walk": "5: [send] appears twice (first at line 2)",
    "waypoint-not-a-function.walk": "4: 'dev queue xmit' is not a C function name",
  ]

  @Test func everyFixtureHasAnExpectation() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: Self.directory).sorted()
    #expect(files == Self.expected.keys.sorted())
  }

  @Test(arguments: expected.keys.sorted()) func refusedOnOneLine(_ name: String) throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kwalk-walk-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent(name).path
    try FileManager.default.copyItem(atPath: Self.directory + "/" + name, toPath: path)
    let error = try #require(throws: WalkthroughError.self) { try WalkthroughSpec.loadAll(from: dir.path) }
    let description = "\(error)"
    let breaks: [Unicode.GeneralCategory] = [.control, .lineSeparator, .paragraphSeparator]
    #expect(!description.unicodeScalars.contains { breaks.contains($0.properties.generalCategory) })
    #expect(description == path + ":" + (Self.expected[name] ?? ""))
  }

  /// The checks that refuse the fixtures accept every spec the repository ships.
  @Test func everyShippedSpecStillParses() throws {
    let shipped = Fixtures.repository + "/Annotations/walkthroughs"
    let files = try FileManager.default.contentsOfDirectory(atPath: shipped).filter { $0.hasSuffix(".walk") }
    #expect(try WalkthroughSpec.loadAll(from: shipped).count == files.count && files.count >= 4)
    let dirs = ["linux-mini", "sim-mini", "diff-before", "diff-after", "route-rank"].map { Fixtures.tree($0) + "/walkthroughs" }
    #expect(try dirs.map { try WalkthroughSpec.loadAll(from: $0).count } == [1, 2, 1, 1, 1])
  }

  @Test func windowsLineEndsReadAsUnixOnes() throws {
    for name in ["tcp-ipv4", "tcp-ipv6", "udp-ipv4"] {
      let path = Fixtures.repository + "/Annotations/walkthroughs/\(name).walk"
      let text = try String(contentsOfFile: path, encoding: .utf8)
      let crlf = "\u{FEFF}" + text.replacingOccurrences(of: "\n", with: "\r\n")
      #expect(try WalkthroughSpec.parse(crlf, source: "w") == WalkthroughSpec.parse(text, source: "w"), "\(name)")
    }
    #expect(throws: WalkthroughError.malformed(file: "w", line: 3, reason: "unknown key 'bogus'")) {
      try WalkthroughSpec.parse("name: x\r\n\r\nbogus: y\r\n", source: "w")
    }
  }
}
