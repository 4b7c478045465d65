import KwalkSimulate

/// One event reduced to what simulated and recorded events share.
public struct ObservedEvent: Hashable, Sendable {
  public var name: String
  public var address: String?
  public var len: Int?
  public var softirq: Bool
  public var cpu: Int
  /// Line in the trace file, for recorded events.
  public var line: Int?

  /// `net_dev_queue len=71 softirq`.
  public var summary: String {
    "\(name)\(len.map { " len=\($0)" } ?? "") \(softirq ? "softirq" : "process")"
  }
}
