/// How an annotation's anchor fared against one kernel.
public enum AnchorStatus: String, Codable, Sendable, CaseIterable, Comparable {
  /// The function and quote were found as written, where they were recorded.
  case exact
  /// Found as written, on other lines or in another file than recorded.
  case moved
  /// The quote is gone but one clearly similar statement is left in the function.
  case changed
  /// The function is gone, or nothing similar to the quote is left.
  case orphaned
  /// The anchor matches more than one place; kwalk does not guess.
  case ambiguous

  /// Statuses that fail `kwalk check`.
  public var isFailure: Bool { self == .orphaned || self == .ambiguous }

  public static func < (a: AnchorStatus, b: AnchorStatus) -> Bool {
    allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
  }
}
