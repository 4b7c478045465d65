import Foundation
import KwalkAnnotate
import KwalkCore
import KwalkIndex
import KwalkTestSupport
import Testing

/// The before/after fixture pair: each change to the tree gives the status the issue asks for.
@Suite struct AnchorResolverTests {
  let notes: [Annotation]
  let before: IndexSnapshot
  let after: IndexSnapshot

  init() throws {
    notes = try AnnotationParser.loadAll(from: Fixtures.tree("anchors-notes"))
    before = try Fixtures.snapshot(tree: "anchors-before", files: ["net/a.c"])
    after = try Fixtures.snapshot(tree: "anchors-after", files: ["net/a.c", "net/b.c"])
  }

  func resolve(_ snapshot: IndexSnapshot, tree: String, record: AnchorRecord) -> [String: ResolvedAnnotation] {
    let resolver = AnchorResolver(snapshot: snapshot, record: record, source: Fixtures.sourceReader(tree: tree))
    return Dictionary(uniqueKeysWithValues: resolver.resolve(notes).map { ($0.annotation.id, $0) })
  }

  var beforeRecord: AnchorRecord {
    let resolver = AnchorResolver(
      snapshot: before, record: AnchorRecord(), source: Fixtures.sourceReader(tree: "anchors-before"))
    return AnchorRecord(resolved: resolver.resolve(notes), kernel: "before")
  }

  @Test func everyAnchorIsExactInTheTreeItWasWrittenFor() throws {
    let r = resolve(before, tree: "anchors-before", record: beforeRecord)
    #expect(r.values.allSatisfy { $0.status == .exact })
    #expect(r["mini.send.alpha"]?.location == SourceLocation(path: "net/a.c", line: 12))
    #expect(r["mini.send.alpha-whole"]?.location?.line == 8)
  }

  @Test func linesInsertedAboveGiveMoved() throws {
    let alpha = try #require(resolve(after, tree: "anchors-after", record: beforeRecord)["mini.send.alpha"])
    #expect(alpha.status == .moved)
    #expect(alpha.recorded?.line == 12)
    #expect(alpha.location == SourceLocation(path: "net/a.c", line: 19))
    let whole = try #require(resolve(after, tree: "anchors-after", record: beforeRecord)["mini.send.alpha-whole"])
    #expect(whole.status == .moved && whole.location?.line == 15)
  }

  @Test func functionMovedToAnotherFileGivesMoved() throws {
    let beta = try #require(resolve(after, tree: "anchors-after", record: beforeRecord)["mini.send.beta"])
    #expect(beta.status == .moved)
    #expect(beta.location == SourceLocation(path: "net/b.c", line: 8))
    #expect(beta.recorded?.path == "net/a.c")
  }

  @Test func rewordedStatementGivesChangedWithOldAndNewText() throws {
    let gamma = try #require(resolve(after, tree: "anchors-after", record: beforeRecord)["mini.send.gamma"])
    #expect(gamma.status == .changed)
    #expect(gamma.location == SourceLocation(path: "net/a.c", line: 27))
    #expect(gamma.foundText == "err = helper_two ( skb , skb - > mark , 0 ) ;")
    #expect((gamma.similarity ?? 0) >= StatementSimilarity.threshold)
    let report = AnnotationReport(kernels: [.init(label: "after", version: "0.0", entries: [gamma])]).text()
    #expect(report.contains("    was: err = helper_two ( skb , 0 ) ;\n    now: err = helper_two ( skb , skb - > mark , 0 ) ;"))
  }

  @Test func deletedFunctionGivesOrphaned() throws {
    let delta = try #require(resolve(after, tree: "anchors-after", record: beforeRecord)["mini.send.delta"])
    #expect(delta.status == .orphaned)
    #expect(delta.location == nil && !delta.functionDefined)
  }

  @Test func duplicatedQuoteGivesAmbiguousNotAGuess() throws {
    let epsilon = try #require(resolve(after, tree: "anchors-after", record: beforeRecord)["mini.send.epsilon"])
    #expect(epsilon.status == .ambiguous)
    #expect(epsilon.location == nil)
    #expect(epsilon.detail.contains("2 times") && epsilon.detail.contains("net/a.c:35") && epsilon.detail.contains("net/a.c:37"))
  }

  @Test func contextPicksOneOfTwoOccurrences() throws {
    let before = resolve(self.before, tree: "anchors-before", record: AnchorRecord())["mini.send.zeta"]
    #expect(before?.status == .exact && before?.location?.line == 45)
    let after = resolve(self.after, tree: "anchors-after", record: beforeRecord)["mini.send.zeta"]
    #expect(after?.status == .moved && after?.location?.line == 46)
  }

  @Test func reportCountsEachStatusAndFailsOnOrphansAndAmbiguity() throws {
    let entries = resolve(after, tree: "anchors-after", record: beforeRecord).values.sorted {
      $0.annotation.id < $1.annotation.id
    }
    let report = AnnotationReport(kernels: [.init(label: "after", version: "0.0", entries: entries)])
    #expect(report.hasFailures)
    #expect(report.text().hasSuffix("after (0.0): 8 annotations: 1 exact, 4 moved, 1 changed, 1 orphaned, 1 ambiguous\n"))
  }

  @Test func unknownFunctionIsAnErrorWithTheAnnotationsPlace() throws {
    let entries = resolve(after, tree: "anchors-after", record: AnchorRecord()).values.sorted {
      $0.annotation.id < $1.annotation.id
    }
    let report = AnnotationReport(kernels: [.init(label: "after", version: "0.0", entries: entries)])
    #expect(throws: AnnotationError.unknownFunction("delta", file: "fixture.md", line: 35, kernels: ["0.0"])) {
      try report.requireKnownFunctions(record: AnchorRecord())
    }
    // Once recorded somewhere, the same absence is drift (orphaned), not an error.
    try report.requireKnownFunctions(record: beforeRecord)
  }

  @Test func recordRoundTrips() throws {
    let record = beforeRecord
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kwalk-anchors-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent(AnchorRecord.fileName).path
    try AtomicFile.write(record.serialized(), to: path)
    #expect(try AnchorRecord.load(from: path) == record)
  }
}
