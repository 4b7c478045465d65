import KwalkCore

/// Something a function on the path does to the simulated state, found in the index at a position in its body.
public enum FrameEffect: Hashable, Sendable {
  /// A `trace_*` call (in the function itself, or in a function it calls on the side).
  case trace(TracepointSiteFact, function: String)
  /// A header pushed onto (`skb_push`) or pulled off (`eth_type_trans`, `__skb_pull`) the skb.
  case header(HeaderLayer, push: Bool)
  /// An `sk_buff_head` operation on one of the model's queues.
  case queue(QueueOperation)
  /// Bottom halves enabled again (`rcu_read_unlock_bh`): a pending softirq runs here in process context.
  case bottomHalvesEnabled
}

/// The layer of a header.
public enum HeaderLayer: String, Hashable, Sendable {
  case link, network, transport
}

/// An operation on a queue of skbs.
public enum QueueOperation: Hashable, Sendable {
  case enqueue(String)
  case dequeue(String)
  /// Moves every skb of the first queue to the end of the second.
  case splice(String, String)
}

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
