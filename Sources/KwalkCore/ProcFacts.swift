/// A `/proc` file a call creates: `proc_create_net_single("snmp", 0444, net->proc_net, snmp_seq_show, NULL)`.
public struct ProcEntryFact: Hashable, Codable, Sendable {
  /// The file's name (`snmp`, `softnet_stat`).
  public var name: String
  /// The show function passed directly, if any.
  public var show: String?
  /// The `seq_operations` variable passed by address, if any (`softnet_seq_ops`).
  public var operations: String?
  /// Where the call is.
  public var location: SourceLocation

  public init(name: String, show: String?, operations: String?, location: SourceLocation) {
    self.name = name
    self.show = show
    self.operations = operations
    self.location = location
  }
}

/// A `seq_printf` whose arguments are struct fields: the columns of a line such as `/proc/net/softnet_stat`'s.
public struct ProcColumnsFact: Hashable, Codable, Sendable {
  /// The printing function.
  public var function: SymbolID
  /// Its name.
  public var functionName: String
  /// One entry per value printed, in order; nil where the value is not a field.
  public var columns: [StructField?]
  /// Where the call is.
  public var location: SourceLocation

  public init(function: SymbolID, functionName: String, columns: [StructField?], location: SourceLocation) {
    self.function = function
    self.functionName = functionName
    self.columns = columns
    self.location = location
  }
}
