import KwalkGraph

/// How one counter of a walkthrough's network namespace moved across its exchange, against what its path predicts.
public struct CounterCheck: Hashable, Codable, Sendable {
  /// What kwalk made of the counter.
  public enum Status: String, Codable, Sendable, CaseIterable {
    /// Predicted on the main line, moved by the predicted amount.
    case asPredicted
    /// A `softnet_stat` column: machine-wide, so other traffic moves it too; it moved by at least the prediction.
    case machineWide
    /// Added by an amount the code computes (`NET_ADD_STATS(net, …, delivered)`): moved, but not once per packet.
    case computedAmount
    /// Predicted on the main line, moved by another amount.
    case differs
    /// Predicted on the main line, did not move.
    case notMoved
    /// Counts a drop of the path, and moved.
    case dropMoved
    /// Moved, but the path does not predict it on the main line; `note` says where the index has it.
    case unpredicted
    /// Predicted, but no `/proc` file kwalk reads shows it (device statistics).
    case unchecked
  }

  public var walkthrough: String
  /// `Ip: InReceives`, `softnet_stat column 1 (processed)`.
  public var name: String
  /// `/proc/net/snmp`, …; empty for device statistics.
  public var file: String
  public var status: Status
  /// How much the path predicts (nil when it predicts nothing).
  public var predicted: Int64?
  public var moved: Int64
  /// Where the prediction or the index has it, and how the amount was derived.
  public var note: String

  public init(
    walkthrough: String, name: String, file: String, status: Status, predicted: Int64?, moved: Int64, note: String
  ) {
    self.walkthrough = walkthrough
    self.name = name
    self.file = file
    self.status = status
    self.predicted = predicted
    self.moved = moved
    self.note = note
  }

  /// True for a status that makes `kwalk verify --counters` fail.
  public var isDisagreement: Bool { [.differs, .notMoved, .dropMoved].contains(status) }
}
