/// What changed on one walkthrough's path between two kernel versions.
///
/// JSON (`kwalk diff --format json`, keys sorted) is this value encoded; see README "kwalk diff" for the schema.
public struct PathDiff: Hashable, Codable, Sendable {
  /// JSON schema version, bumped when a field changes meaning.
  public var schema: Int = 1
  /// The walkthrough's name.
  public var walkthrough: String
  /// The older kernel (`6.1.192`).
  public var from: String
  /// The newer kernel (`6.12.117`).
  public var to: String
  /// One entry per leg, in the spec's order.
  public var legs: [LegDiff]
  /// Annotations resolved against both versions whose anchoring differs; empty until annotations are resolved.
  public var annotationDrift: [AnnotationDrift]

  public init(walkthrough: String, from: String, to: String, legs: [LegDiff], annotationDrift: [AnnotationDrift]) {
    self.walkthrough = walkthrough
    self.from = from
    self.to = to
    self.legs = legs
    self.annotationDrift = annotationDrift
    summary = DiffSummary(legs: legs, annotationDrift: annotationDrift)
  }

  /// Counts per change kind over all legs.
  public var summary: DiffSummary
}
