/// One entry of a `struct ctl_table` array: the name under `/proc/sys` and the storage its `.data` points at.
public struct SysctlEntryFact: Hashable, Codable, Sendable {
  /// The array (`net_core_table`).
  public var table: String
  /// `.procname` (`netdev_max_backlog`).
  public var procname: String
  /// What `.data = &…` points at; nil when it is not an address kwalk can name.
  public var data: DataTarget?
  /// The type of the variable the `.data` chain starts from (`net` for `&init_net.ipv4.sysctl_tcp_ecn`).
  public var rootType: String?
  /// Where the entry's `.procname` is written.
  public var location: SourceLocation

  public init(table: String, procname: String, data: DataTarget?, rootType: String?, location: SourceLocation) {
    self.table = table
    self.procname = procname
    self.data = data
    self.rootType = rootType
    self.location = location
  }
}

/// A call that registers a `ctl_table` array under a path: `register_net_sysctl(&init_net, "net/core", table)`.
public struct SysctlRegistrationFact: Hashable, Codable, Sendable {
  /// The array registered (followed back through a local copy: `tbl = netns_core_table`).
  public var table: String
  /// The path (`net/core`).
  public var path: String
  /// Where the call is.
  public var location: SourceLocation

  public init(table: String, path: String, location: SourceLocation) {
    self.table = table
    self.path = path
    self.location = location
  }
}
