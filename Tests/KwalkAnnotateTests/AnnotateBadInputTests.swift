import Foundation
import KwalkAnnotate
import KwalkTestSupport
import Testing

/// The annotation files and anchors records in Tests/Fixtures/fuzz/{annotations,anchors}: inputs that fuzzing found
/// to make the parser print an error over several lines, and a few that stand for a kind of bad input. Each goes
/// through the loader kwalk uses (`kwalk check` needs a kernel tree first, so this is not a run of the binary) and
/// must be refused with one line naming the file and the line.
@Suite struct AnnotateBadInputTests {
  static let notes = Fixtures.root + "/fuzz/annotations"
  static let records = Fixtures.root + "/fuzz/anchors"
  static let frontMatter = ": fix the front matter (see Annotations/README.md)"
  static let regenerate = ": regenerate it with kwalk check --record"

  /// What each annotation fixture's error says after `<file>:`.
  static let expectedNotes: [String: String] = [
    // Found by fuzzing: a \r, \f or \v in a front matter line was quoted raw, breaking the error's line. (The
    // minimized \r input now ends the line as \r\n would, so what is left is an empty line.)
    "cr-in-front-matter.md": "2: expected 'key: value', found ''",
    "ff-in-front-matter.md": "2: the line holds the control character \\u{C}",
    "vt-in-front-matter.md": "2: the line holds the control character \\u{B}",
    // A direction is a leg's name, which the site puts in a path: only a name, whatever legs the spec has.
    "direction-not-a-name.md": "4: 'direction' may hold only letters, digits, '_', '.' and '-', found 'send/../reply'",
    "escape-sequence-in-quote.md": "6: the line holds the control character \\u{1B}",
    "function-not-a-name.md": "5: 'function' must be a C function name, found 'tcp_sendmsg()'",
    "id-with-slashes.md": "2: 'id' may hold only letters, digits, '_', '.' and '-', found '../../w'",
    "long-line.md": "2: expected 'key: value', found '"
      + "word1 word2 word3 word4 word5 word6 word7 word8 word9 word10…'",
    "nel-after-direction.md": "4: the line holds the control character \\u{85}",
    "quote-too-long.md": "6: 'quote' is 1200 characters long; an anchor quotes at most 1000",
  ]

  /// What each anchors fixture's error says after `<path>:`.
  static let expectedRecords: [String: String] = [
    "empty-path.lock": "1: expected 'id path:line'",
    "escape-sequence-in-path.lock": "2: the line holds the control character \\u{1B}",
    "id-twice.lock": "4: id a.b appears twice (first at line 2)",
    "negative-line.lock": "2: '-3' is not a line number",
    "no-line-number.lock": "2: expected 'id path:line'",
  ]

  @Test func everyFixtureHasAnExpectation() throws {
    let files = { (dir: String) in try FileManager.default.contentsOfDirectory(atPath: dir).sorted() }
    #expect(try files(Self.notes) == Self.expectedNotes.keys.sorted())
    #expect(try files(Self.records) == Self.expectedRecords.keys.sorted())
  }

  @Test(arguments: expectedNotes.keys.sorted()) func annotationRefusedOnOneLine(_ name: String) throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kwalk-notes-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try FileManager.default.copyItem(atPath: Self.notes + "/" + name, toPath: dir.appendingPathComponent(name).path)
    let error = try #require(throws: AnnotationError.self) { try AnnotationParser.loadAll(from: dir.path) }
    #expect(Self.isOneLine("\(error)"))
    #expect("\(error)" == name + ":" + (Self.expectedNotes[name] ?? "") + Self.frontMatter)
  }

  @Test(arguments: expectedRecords.keys.sorted()) func anchorsRecordRefusedOnOneLine(_ name: String) throws {
    let path = Self.records + "/" + name
    let error = try #require(throws: AnchorRecordError.self) { try AnchorRecord.load(from: path) }
    #expect(Self.isOneLine("\(error)"))
    #expect("\(error)" == path + ":" + (Self.expectedRecords[name] ?? "") + Self.regenerate)
  }

  /// The checks that refuse the fixtures accept every note and record the repository ships.
  @Test func everyShippedFileStillParses() throws {
    #expect(try AnnotationParser.loadAll(from: Fixtures.repository + "/Annotations").count > 100)
    #expect(try AnnotationParser.loadAll(from: Fixtures.tree("anchors-notes")).count > 3)
    #expect(try AnnotationParser.loadAll(from: Fixtures.tree("linux-mini") + "/annotations").count > 0)
    #expect(try AnchorRecord.load(from: Fixtures.repository + "/Annotations/anchors.lock").locations.count > 100)
  }

  @Test func windowsLineEndsReadAsUnixOnes() throws {
    for file in ["tcp-ipv4/send.md", "tcp-ipv6/tcp6.md"] {
      let text = try String(contentsOfFile: Fixtures.repository + "/Annotations/" + file, encoding: .utf8)
      let crlf = "\u{FEFF}" + text.replacingOccurrences(of: "\n", with: "\r\n")
      let lf = try AnnotationParser.parse(text, file: file)
      #expect(try AnnotationParser.parse(crlf, file: file) == lf, "\(file)")
      #expect(lf.count > 1)
    }
    let text = try String(contentsOfFile: Fixtures.repository + "/Annotations/anchors.lock", encoding: .utf8)
    let record = try AnchorRecord.parse(text, file: "anchors.lock")
    #expect(try AnchorRecord.parse(text.replacingOccurrences(of: "\n", with: "\r\n"), file: "anchors.lock") == record)
    #expect(record.locations.count > 100 && !record.kernel.isEmpty)
  }

  static func isOneLine(_ text: String) -> Bool {
    let breaks: [Unicode.GeneralCategory] = [.control, .lineSeparator, .paragraphSeparator]
    return !text.unicodeScalars.contains { breaks.contains($0.properties.generalCategory) }
  }
}
