import KwalkCore

/// An annotation placed in one kernel: where its anchor is now, and how sure that is.
public struct ResolvedAnnotation: Hashable, Codable, Sendable {
  public var annotation: Annotation
  public var status: AnchorStatus
  /// The quote's first line (or the function's definition when there is no quote); nil when orphaned or ambiguous.
  public var location: SourceLocation?
  /// The lines the quote spans in `location`'s file.
  public var lines: ClosedRange<Int>?
  /// For `changed`: the statement found instead of the quote, whitespace folded.
  public var foundText: String?
  /// For `changed` and `orphaned`: the similarity of the best statement found (0…1).
  public var similarity: Double?
  /// Where the anchor was recorded last time, when a record exists.
  public var recorded: SourceLocation?
  /// One line saying why the status is what it is.
  public var detail: String
  /// False when the anchor's function is not defined in the kernel at all.
  public var functionDefined: Bool

  public init(
    annotation: Annotation, status: AnchorStatus, location: SourceLocation? = nil, lines: ClosedRange<Int>? = nil,
    foundText: String? = nil, similarity: Double? = nil, recorded: SourceLocation? = nil, detail: String,
    functionDefined: Bool = true
  ) {
    self.annotation = annotation
    self.status = status
    self.location = location
    self.lines = lines
    self.foundText = foundText
    self.similarity = similarity
    self.recorded = recorded
    self.detail = detail
    self.functionDefined = functionDefined
  }
}
