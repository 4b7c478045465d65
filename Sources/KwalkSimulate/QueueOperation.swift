import KwalkCore

/// An operation on a queue of skbs.
public enum QueueOperation: Hashable, Sendable {
  /// Appends the skb to a queue (`__skb_queue_tail`).
  case enqueue(String)
  /// Takes the skb off a queue (`__skb_dequeue`).
  case dequeue(String)
  /// Moves every skb of the first queue to the end of the second.
  case splice(String, String)
}
