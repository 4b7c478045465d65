/// One `SNMP_MIB_ITEM("InReceives", IPSTATS_MIB_INPKTS)` line: the name `/proc/net/snmp` prints for an enumerator.
public struct MibItem: Hashable, Codable, Sendable {
  /// The printed name (`InReceives`).
  public var name: String
  /// The enumerator (`IPSTATS_MIB_INPKTS`).
  public var constant: String

  public init(name: String, constant: String) {
    self.name = name
    self.constant = constant
  }
}

/// A `struct snmp_mib` array (`snmp4_ipstats_list`) with its items in order.
public struct MibTableFact: Hashable, Codable, Sendable {
  /// The array.
  public var table: String
  /// Its items.
  public var items: [MibItem]
  /// Where the array is defined.
  public var location: SourceLocation

  public init(table: String, items: [MibItem], location: SourceLocation) {
    self.table = table
    self.items = items
    self.location = location
  }
}

/// A function that prints a MIB table's names, and the heading it prints first (`Ip`, `TcpExt`).
public struct MibPrinterFact: Hashable, Codable, Sendable {
  /// The array printed.
  public var table: String
  /// The printing function.
  public var function: SymbolID
  /// Its name.
  public var functionName: String
  /// The heading of the line the names go on (`Tcp` from `seq_puts(seq, "\nTcp:")`).
  public var heading: String

  public init(table: String, function: SymbolID, functionName: String, heading: String) {
    self.table = table
    self.function = function
    self.functionName = functionName
    self.heading = heading
  }
}
