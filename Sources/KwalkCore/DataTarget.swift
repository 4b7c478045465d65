/// Storage a sysctl can bind and a function can read: a global variable (`netdev_max_backlog`), or a struct field
/// (`net_hotdata.max_backlog`, `netns_ipv4.sysctl_tcp_ecn`), keyed by the last field of the access chain.
public enum DataTarget: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
  /// A global variable, by name.
  case variable(String)
  /// The last field of a member chain.
  case field(StructField)

  /// `netdev_max_backlog` or `net_hotdata.max_backlog`.
  public var description: String {
    switch self {
    case .variable(let v): return v
    case .field(let f): return f.description
    }
  }

  public static func < (a: DataTarget, b: DataTarget) -> Bool { a.description < b.description }
}
