/// A hop reached in a different way: `pointer` → `macro INDIRECT_CALL_INET`, `direct` → `inline`.
public struct KindChange: Hashable, Codable, Sendable {
  /// Old kind, with its macro or pointer expression: `pointer via ops->ndo_start_xmit`.
  public var old: String
  /// New kind, likewise.
  public var new: String

  public init(old: String, new: String) {
    self.old = old
    self.new = new
  }
}
