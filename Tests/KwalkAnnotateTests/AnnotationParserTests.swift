import Foundation
import KwalkAnnotate
import KwalkTestSupport
import Testing

/// Front matter errors name the file and line; quotes compare without white space.
@Suite struct AnnotationParserTests {
  let good = "---\nid: w.send.f\nwalkthrough: w\ndirection: send\nfunction: f\nquote: a = b(c);\n---\nBody.\n"

  @Test func parsesFieldsAndBody() throws {
    let notes = try AnnotationParser.parse(good + "\n" + good.replacingOccurrences(of: "w.send.f", with: "w.send.g"), file: "x.md")
    #expect(notes.count == 2)
    #expect(notes[0].function == "f" && notes[0].quote == "a = b(c);" && notes[0].body == "Body." && notes[0].line == 1)
    #expect(notes[1].line == 10)
  }

  @Test func malformedFrontMatterNamesFileAndLine() {
    #expect(throws: AnnotationError.malformed(file: "x.md", line: 3, reason: "expected 'key: value', found 'walkthrough w'")) {
      try AnnotationParser.parse(good.replacingOccurrences(of: "walkthrough: w", with: "walkthrough w"), file: "x.md")
    }
    #expect(throws: AnnotationError.self) { try AnnotationParser.parse("id: x\n", file: "x.md") }
    #expect(throws: AnnotationError.malformed(file: "x.md", line: 1, reason: "missing 'function' (only an overview may omit it)")) {
      try AnnotationParser.parse(good.replacingOccurrences(of: "function: f\n", with: "").replacingOccurrences(of: "quote: a = b(c);\n", with: ""), file: "x.md")
    }
    #expect(throws: AnnotationError.malformed(file: "x.md", line: 6, reason: "unknown key 'qoute' (known: context, direction, function, id, kernels, quote, step, walkthrough)")) {
      try AnnotationParser.parse(good.replacingOccurrences(of: "quote:", with: "qoute:"), file: "x.md")
    }
    #expect(throws: AnnotationError.malformed(file: "x.md", line: 1, reason: "'context' does not contain the quote")) {
      try AnnotationParser.parse(good.replacingOccurrences(of: "---\nBody", with: "context: if (x) y();\n---\nBody"), file: "x.md")
    }
  }

  @Test func duplicateIDAcrossFilesIsAnError() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kwalk-notes-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try good.write(to: dir.appendingPathComponent("a.md"), atomically: true, encoding: .utf8)
    try ("\n" + good).write(to: dir.appendingPathComponent("b.md"), atomically: true, encoding: .utf8)
    #expect(throws: AnnotationError.duplicateID("w.send.f", file: "b.md", line: 2, first: "a.md:1")) {
      try AnnotationParser.loadAll(from: dir.path)
    }
    #expect(
      AnnotationError.duplicateID("w.send.f", file: "b.md", line: 2, first: "a.md:1").description
        == "b.md:2: annotation id w.send.f is already used at a.md:1: give it a unique id")
  }

  @Test func tokensIgnoreWhiteSpaceAndComments() {
    #expect(CTokens("x=helper_one( skb ) ;").texts == CTokens("x = helper_one(skb); /* note */").texts)
    #expect(CTokens("a\n  ->b", firstLine: 10).tokens.last?.line == 11)
  }

  @Test func similarityKeepsUnrelatedStatementsApart() {
    let s = { (a: String, b: String) in StatementSimilarity.score(CTokens(a).texts, CTokens(b).texts) }
    #expect(s("err = helper_two(skb, 0);", "err = helper_two(skb, skb->mark, 0);") >= StatementSimilarity.threshold)
    #expect(s("err = helper_two(skb, 0);", "return skb->len;") < StatementSimilarity.threshold)
    #expect(s("a = b(c);", "a = b(c);") == 1)
  }
}
