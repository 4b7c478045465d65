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
  /// The socket's lock taken by its task (`lock_sock`): until it is released, packets for the socket wait.
  case socketLocked
  /// The lock released (`release_sock`): packets that arrived meanwhile are processed here, in process context.
  case socketReleased
  /// The receive leg asks whether a task holds the socket (`sock_owned_by_user`): a packet for a held socket stops
  /// here in the softirq and goes on from the next function when the holder releases it.
  case ownerCheck
}
