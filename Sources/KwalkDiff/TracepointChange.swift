/// Tracepoints (`system:event`) a hop's callee fires, compared between versions.
public struct TracepointChange: Hashable, Codable, Sendable {
  /// Fired here only in the new version, and fired nowhere else on the old path.
  public var added: [String]
  /// Fired here only in the old version, and fired nowhere else on the new path.
  public var removed: [String]
  /// Fired here now, by another function of the path before (`net:net_dev_queue from dev_queue_xmit`).
  public var movedHere: [String]
  /// Fired here before, by another function of the path now.
  public var movedAway: [String]

  public init(added: [String], removed: [String], movedHere: [String], movedAway: [String]) {
    self.added = added
    self.removed = removed
    self.movedHere = movedHere
    self.movedAway = movedAway
  }
}
