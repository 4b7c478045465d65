import KwalkCore

/// The kind of a step from one function to the next, as a reader should see it.
public enum EdgeKind: String, Codable, Sendable, CaseIterable, Comparable {
  case direct, inline, macro, pointer, softirq
  public static func < (a: EdgeKind, b: EdgeKind) -> Bool { a.rawValue < b.rawValue }
}

/// One resolved call from a function to a function.
public struct CallEdge: Hashable, Sendable {
  public var caller: SymbolID
  public var callee: SymbolID
  public var kind: EdgeKind
  /// The call site (for softirq edges, the raising call).
  public var site: CallSiteFact
  /// The pointer read, for pointer hops and INDIRECT_CALL fallbacks.
  public var field: StructField?
  /// Where the callee was bound to that pointer.
  public var bindings: [BindingFact]
  /// The other functions this call could reach.
  public var candidates: [String]
}
