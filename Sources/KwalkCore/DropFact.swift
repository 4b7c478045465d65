/// Where a function can drop a packet: a call to a function that takes an `enum skb_drop_reason`
/// (`kfree_skb_reason(skb, reason)`), or a drop reason named in the body (`reason = SKB_DROP_REASON_CPU_BACKLOG`).
public struct DropFact: Hashable, Codable, Sendable {
  /// What kind of drop fact.
  public enum Kind: String, Hashable, Codable, Sendable {
    /// A call that frees the packet as dropped.
    case call
    /// A drop reason named in the body.
    case reason
  }

  /// The function.
  public var function: SymbolID
  /// Call or reason.
  public var kind: Kind
  /// For calls, the function called (`kfree_skb_reason`).
  public var callee: String?
  /// The `SKB_DROP_REASON_*` enumerator, when one is written (for calls, as the argument).
  public var reason: String?
  /// Where.
  public var location: SourceLocation
  /// Main line, branch or exit.
  public var placement: FactPlacement
  /// The line of the top-level segment this belongs to: the drop segment an exit falls into, the top-level
  /// statement of a branch; 0 on the main line.
  public var segment: Int

  public init(
    function: SymbolID, kind: Kind, callee: String?, reason: String?, location: SourceLocation,
    placement: FactPlacement, segment: Int
  ) {
    self.function = function
    self.kind = kind
    self.callee = callee
    self.reason = reason
    self.location = location
    self.placement = placement
    self.segment = segment
  }
}
