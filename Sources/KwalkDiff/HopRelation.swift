/// How hops of the two versions correspond.
public enum HopRelation: String, Hashable, Codable, Sendable, CaseIterable {
  /// The same callee in both.
  case same
  /// One function under another name, with a similar body, in the same place.
  case renamed
  /// One function became two: the old one now hands over to a new function (often a static inline wrapper of
  /// `__name`) that holds its body.
  case split
  /// Two functions became one: the old helper's body moved into its caller.
  case merged
  /// A hop only the new version has.
  case added
  /// A hop only the old version has.
  case removed
}
