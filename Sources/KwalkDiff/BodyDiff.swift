/// The change of one function's body between versions, whitespace and pure line moves ignored.
public struct BodyDiff: Hashable, Codable, Sendable {
  /// The function in each version (`name` at `file:line`); they differ for renames, splits and merges.
  public var old: String
  public var new: String
  /// Lines only the new body has, and only the old body has (moved lines not counted).
  public var added: Int
  public var removed: Int
  /// True when an added or removed line is one of the path's own calls.
  public var touchesPath: Bool
  /// The changed lines with one line of context, in hunks.
  public var hunks: [[BodyLine]]

  public init(old: String, new: String, added: Int, removed: Int, touchesPath: Bool, hunks: [[BodyLine]]) {
    self.old = old
    self.new = new
    self.added = added
    self.removed = removed
    self.touchesPath = touchesPath
    self.hunks = hunks
  }
}
