import KwalkGraph
import KwalkTrace

/// A trace file's stacks given as route evidence (`--stacks`), by walkthrough.
struct StackEvidence {
  let file: String
  let recorded: RecordedTrace

  /// Reads `file` (a trace from `kwalk trace --out`).
  init(file: String) throws {
    self.file = file
    recorded = try VerifyAction.read(file)
  }

  /// The stacks of walkthrough `name`; a trace without them is an error, not a silent route without evidence.
  func of(_ name: String) throws -> RecordedStacks {
    guard let evidence = recorded.routeEvidence(for: name) else {
      throw ValidationFailure("\(file): no stacks of walkthrough \(name); record it with kwalk trace --out")
    }
    return evidence
  }
}
