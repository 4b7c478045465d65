/// A function's use of storage that a sysctl can bind: a global variable, a field of a global struct
/// (`READ_ONCE(net_hotdata.max_backlog)`) or a field reached through `struct net` (`net->ipv4.sysctl_tcp_ecn`).
/// The first use per function and target is kept.
public struct DataReadFact: Hashable, Codable, Sendable {
  /// The reading function.
  public var function: SymbolID
  /// What it reads.
  public var target: DataTarget
  /// Where.
  public var location: SourceLocation
  /// Main line, branch or exit.
  public var placement: FactPlacement

  public init(function: SymbolID, target: DataTarget, location: SourceLocation, placement: FactPlacement) {
    self.function = function
    self.target = target
    self.location = location
    self.placement = placement
  }
}

/// The value storage starts with, as written in the source: a global's initializer (`= 1000`), a designated field of
/// a global struct's initializer (`.netdev_budget = 300`), or a constant assigned to a per-namespace field in a
/// function (`net->ipv4.sysctl_tcp_ecn = 2;`).
public struct DataDefaultFact: Hashable, Codable, Sendable {
  /// The storage.
  public var target: DataTarget
  /// The initializer as written, white space folded.
  public var value: String
  /// Where.
  public var location: SourceLocation
  /// The function that assigns it, for per-namespace fields; nil for static initializers.
  public var function: String?

  public init(target: DataTarget, value: String, location: SourceLocation, function: String? = nil) {
    self.target = target
    self.value = value
    self.location = location
    self.function = function
  }
}

/// A call to a file-local or inline helper (`ip_rcv_core` from `ip_rcv`), placed like the other facts, so that a
/// hop can take in what its helpers read and count on its main line.
public struct HelperCallFact: Hashable, Codable, Sendable {
  /// The calling function.
  public var function: SymbolID
  /// The helper.
  public var callee: SymbolID
  /// Where.
  public var location: SourceLocation
  /// Main line, branch or exit.
  public var placement: FactPlacement

  public init(function: SymbolID, callee: SymbolID, location: SourceLocation, placement: FactPlacement) {
    self.function = function
    self.callee = callee
    self.location = location
    self.placement = placement
  }
}
