/// The tracepoints a trace of one leg would print, in path order, in each version, and their difference.
public struct EventSequenceDiff: Hashable, Codable, Sendable {
  /// One step of the sequence difference.
  public struct Step: Hashable, Codable, Sendable {
    /// `=` in both, `+` new only, `-` old only.
    public var op: String
    /// `system:event`.
    public var event: String

    public init(op: String, event: String) {
      self.op = op
      self.event = event
    }
  }

  public var old: [String]
  public var new: [String]
  /// The longest common subsequence of both, with the rest marked `+` or `-`.
  public var steps: [Step]

  public init(old: [String], new: [String]) {
    self.old = old
    self.new = new
    steps = LineDiff.operations(old, new).map { op in
      switch op {
      case .same(let i, _): return Step(op: "=", event: old[i])
      case .inserted(let j): return Step(op: "+", event: new[j])
      case .deleted(let i): return Step(op: "-", event: old[i])
      }
    }
  }

  /// True when the sequences differ.
  public var isChanged: Bool { old != new }
}
