/// One version's hop, as a diff shows it: who calls whom, how, where, and where the callee is defined.
public struct HopRef: Hashable, Codable, Sendable {
  public var caller: String
  public var callee: String
  /// `direct`, `inline`, `macro`, `pointer` or `softirq`.
  public var kind: String
  /// The macro name or the pointer expression.
  public var via: String?
  /// `file:line` of the call.
  public var callsite: String
  /// `file:line` of the callee's definition.
  public var definition: String

  public init(caller: String, callee: String, kind: String, via: String?, callsite: String, definition: String) {
    self.caller = caller
    self.callee = callee
    self.kind = kind
    self.via = via
    self.callsite = callsite
    self.definition = definition
  }
}
