/// How one annotation's anchor fares in each version (`exact`, `moved`, `changed`, `orphaned`, `ambiguous`).
public struct AnnotationDrift: Hashable, Codable, Sendable {
  /// The annotation's id.
  public var id: String
  /// Its status and `file:line` in the old version.
  public var oldStatus: String
  public var oldLocation: String?
  /// Its status and `file:line` in the new version.
  public var newStatus: String
  public var newLocation: String?
  /// Why the new version's status is what it is, in one line.
  public var detail: String

  public init(
    id: String, oldStatus: String, oldLocation: String?, newStatus: String, newLocation: String?, detail: String
  ) {
    self.id = id
    self.oldStatus = oldStatus
    self.oldLocation = oldLocation
    self.newStatus = newStatus
    self.newLocation = newLocation
    self.detail = detail
  }
}
