/// The config guards (`CONFIG_RPS`) around a hop's call, compared between versions.
public struct ConfigChange: Hashable, Codable, Sendable {
  /// A guard replaced by another of the same polarity at the same call.
  public struct Rename: Hashable, Codable, Sendable {
    public var old: String
    public var new: String

    public init(old: String, new: String) {
      self.old = old
      self.new = new
    }
  }

  /// Guards only the new version has.
  public var appeared: [String]
  /// Guards only the old version has.
  public var disappeared: [String]
  /// Guards that took another name.
  public var renamed: [Rename]

  public init(appeared: [String], disappeared: [String], renamed: [Rename]) {
    self.appeared = appeared
    self.disappeared = disappeared
    self.renamed = renamed
  }
}
