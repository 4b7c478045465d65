/// One leg (send or receive) of a path diff.
public struct LegDiff: Hashable, Codable, Sendable {
  /// `send` or `receive`.
  public var direction: String
  /// Hop counts in each version.
  public var oldHops: Int
  public var newHops: Int
  /// Every aligned hop, changed or not, in path order.
  public var hops: [HopDiff]
  /// The body change of the leg's first function, which no hop enters.
  public var entryBody: BodyDiff?
  /// The tracepoints a trace of this leg prints in each version, and how the sequences differ.
  public var events: EventSequenceDiff
  /// How the leg's softirq comes to run, when that changed.
  public var runs: RunsChange? = nil
  /// What to watch and tune that changed, per function both paths pass.
  public var watch: [WatchChange] = []

  public init(
    direction: String, oldHops: Int, newHops: Int, hops: [HopDiff], entryBody: BodyDiff?, events: EventSequenceDiff
  ) {
    self.direction = direction
    self.oldHops = oldHops
    self.newHops = newHops
    self.hops = hops
    self.entryBody = entryBody
    self.events = events
  }

  /// The hops with any change.
  public var changedHops: [HopDiff] { hops.filter(\.isChanged) }
}
