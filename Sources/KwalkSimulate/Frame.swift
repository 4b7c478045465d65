import KwalkCore

/// A function on a leg of the path with its continuing call, and the effects before and after that call.
public struct Frame: Hashable, Sendable {
  public var function: String
  public var id: SymbolID
  /// Index of the hop that entered this function (-1 for the leg's entry).
  public var hop: Int
  /// Effects in source order before the call that continues the path (all of them for the last function).
  public var before: [FrameEffect]
  /// Effects in source order after it.
  public var after: [FrameEffect]
}
