/// One line of a body diff.
public struct BodyLine: Hashable, Codable, Sendable {
  /// What happened to a line.
  public enum Operation: String, Hashable, Codable, Sendable {
    /// In both bodies (context).
    case same
    /// Only in the new body.
    case added
    /// Only in the old body.
    case removed
    /// In both bodies, at another place among the other lines.
    case moved
  }

  public var op: Operation
  /// Line numbers in the old and new file, where the line exists there.
  public var oldLine: Int?
  public var newLine: Int?
  /// The text as written (in the new version when in both).
  public var text: String
  /// The line holds the call that the path takes out of this function.
  public var onPath: Bool

  public init(op: Operation, oldLine: Int?, newLine: Int?, text: String, onPath: Bool) {
    self.op = op
    self.oldLine = oldLine
    self.newLine = newLine
    self.text = text
    self.onPath = onPath
  }
}
