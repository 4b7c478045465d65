/// How a call is written in the source.
public enum CallKind: String, Codable, Sendable, CaseIterable, Comparable {
  /// A named function that is not inline.
  case direct
  /// A static inline function, usually from a header.
  case inline
  /// A call that a function-like macro produces (`INDIRECT_CALL_INET(...)`).
  case macro
  /// A call through a function pointer.
  case pointer

  public static func < (a: CallKind, b: CallKind) -> Bool { a.rawValue < b.rawValue }
}

/// What a call invokes.
public enum CallTarget: Hashable, Codable, Sendable, CustomStringConvertible {
  /// A named function.
  case function(SymbolID, name: String)
  /// A function pointer read from a struct field.
  case field(StructField)
  /// A function pointer held in a variable (global or local).
  case variable(name: String)
  /// A function-typed parameter of the calling function, by position (0-based).
  case parameter(index: Int, name: String)

  public var description: String {
    switch self {
    case .function(_, let name): return name
    case .field(let f): return f.description
    case .variable(let n): return n
    case .parameter(let i, let n): return "\(n) (parameter \(i))"
    }
  }

  /// True for the three pointer targets.
  public var isPointer: Bool {
    if case .function = self { return false }
    return true
  }
}

/// The macro a call was produced by.
public struct MacroUse: Hashable, Codable, Sendable {
  /// The macro's name as written at the call site (`INDIRECT_CALL_INET`).
  public var name: String
  /// Where the macro is defined, when libclang knows.
  public var definition: SourceLocation?

  public init(name: String, definition: SourceLocation?) {
    self.name = name
    self.definition = definition
  }
}

/// One argument of a call, as far as resolving pointers cares.
public enum ArgumentFact: Hashable, Codable, Sendable {
  /// A function named as a value (`net_rx_action`).
  case function(SymbolID, name: String)
  /// A parameter of the calling function, forwarded (`poll` in `netif_napi_add_weight(dev, napi, poll, w)`).
  case parameter(index: Int)
  /// An enumerator (`NET_RX_SOFTIRQ`).
  case enumConstant(String)
  /// Anything else.
  case other
}

/// A call inside a function body.
public struct CallSiteFact: Hashable, Codable, Sendable {
  /// The function whose body holds the call.
  public var caller: SymbolID
  /// Where a reader sees the call: the callee's name, or the macro's name for macro calls.
  public var location: SourceLocation
  /// How it is written.
  public var kind: CallKind
  /// What it calls.
  public var target: CallTarget
  /// True when a macro call invokes a pointer (INDIRECT_CALL's fallback).
  public var throughPointer: Bool
  /// The call as written: `ops->ndo_start_xmit(skb, dev)`, or the macro invocation.
  public var expression: String
  /// For macro calls, the macro.
  public var macro: MacroUse?
  /// The arguments.
  public var arguments: [ArgumentFact]
  /// Config symbols of the `#if` blocks around the call (`CONFIG_RPS`, `!CONFIG_XPS`).
  public var config: [String]
  /// The statements around the call that decide whether it runs, outermost first.
  public var guards: [BranchGuard]
  /// Where the call sits among its function's top-level statements (main line, a branch, an exit).
  public var placement: FactPlacement

  public init(
    caller: SymbolID, location: SourceLocation, kind: CallKind, target: CallTarget, throughPointer: Bool,
    expression: String, macro: MacroUse?, arguments: [ArgumentFact], config: [String], guards: [BranchGuard] = [],
    placement: FactPlacement = .mainLine
  ) {
    self.caller = caller
    self.location = location
    self.kind = kind
    self.target = target
    self.throughPointer = throughPointer
    self.expression = expression
    self.macro = macro
    self.arguments = arguments
    self.config = config
    self.guards = guards
    self.placement = placement
  }
}
