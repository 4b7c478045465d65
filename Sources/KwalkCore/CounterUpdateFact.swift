/// A statistic a function increments.
public enum CounterRef: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
  /// A MIB enumerator passed to an increment macro (`IPSTATS_MIB_INPKTS`).
  case mib(String)
  /// A struct field incremented in place (`softnet_data.processed`).
  case field(StructField)

  public var description: String {
    switch self {
    case .mib(let m): return m
    case .field(let f): return f.description
    }
  }

  public static func < (a: CounterRef, b: CounterRef) -> Bool { a.description < b.description }
}

/// An increment of a statistic in a function body.
public struct CounterUpdateFact: Hashable, Codable, Sendable {
  /// The incrementing function.
  public var function: SymbolID
  /// What is incremented.
  public var counter: CounterRef
  /// How: the macro (`__IP_UPD_PO_STATS`), the function (`atomic_inc`) or the operator (`++`, `+=`).
  public var via: String
  /// Where.
  public var location: SourceLocation
  /// Main line, branch or exit.
  public var placement: FactPlacement
  /// For exits and branches, the line of the drop segment it belongs to (see `DropFact.segment`); 0 on the main line.
  public var segment: Int

  public init(
    function: SymbolID, counter: CounterRef, via: String, location: SourceLocation, placement: FactPlacement,
    segment: Int
  ) {
    self.function = function
    self.counter = counter
    self.via = via
    self.location = location
    self.placement = placement
    self.segment = segment
  }
}
