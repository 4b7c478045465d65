import Testing

@testable import KwalkDiff

/// The line diff and the body comparison it drives.
@Suite struct LineDiffTests {
  @Test func lcsScript() {
    let ops = LineDiff.operations(["a", "b", "c", "d"], ["a", "c", "x", "d"])
    #expect(ops == [.same(0, 0), .deleted(1), .same(2, 1), .inserted(2), .same(3, 3)])
    #expect(LineDiff.operations([String](), ["x"]) == [.inserted(0)])
    #expect(LineDiff.operations(["x"], [String]()) == [.deleted(0)])
  }

  @Test func eventSequence() {
    let e = EventSequenceDiff(old: ["net:a", "net:b"], new: ["net:a", "sock:c", "net:b"])
    #expect(e.steps.map { $0.op + $0.event } == ["=net:a", "+sock:c", "=net:b"])
    #expect(e.isChanged)
  }
}
