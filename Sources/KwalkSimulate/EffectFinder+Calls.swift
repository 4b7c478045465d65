import KwalkCore

/// The kernel APIs whose calls change the simulated state, and how a call site maps to an effect. These are the
/// APIs' documented meanings (include/linux/skbuff.h, etherdevice.h, bottom_half.h), not facts about the path: the
/// path's functions and where they call these come from the index.
extension EffectFinder {
  /// Header operations by the kernel API that performs them. `skb_push` names the header by its size argument.
  static let pushCalls: Set<String> = ["skb_push", "__skb_push"]
  static let pullCalls: Set<String> = ["__skb_pull", "skb_pull", "skb_pull_inline", "pskb_pull"]
  /// `eth_type_trans` pulls the Ethernet header (include/linux/etherdevice.h documents it).
  static let linkPullCalls: Set<String> = ["eth_type_trans"]
  /// The `sk_buff_head` API.
  static let enqueueCalls: Set<String> = ["__skb_queue_tail", "skb_queue_tail", "__skb_queue_head", "skb_queue_head"]
  static let dequeueCalls: Set<String> = ["__skb_dequeue", "skb_dequeue"]
  static let spliceCalls: Set<String> = ["skb_queue_splice_tail_init", "skb_queue_splice_tail", "skb_queue_splice_init"]
  /// Calls that end a bottom-half-disabled section.
  static let bottomHalfEnable: Set<String> = ["rcu_read_unlock_bh", "local_bh_enable", "spin_unlock_bh"]

  /// The socket lock (include/net/sock.h): a task that holds it owns the socket, and the softirq leaves packets for
  /// an owned socket on its backlog, which `release_sock` processes.
  static let socketLockCalls: Set<String> = ["lock_sock", "lock_sock_nested"]
  static let socketReleaseCalls: Set<String> = ["release_sock"]
  static let ownerCheckCalls: Set<String> = ["sock_owned_by_user", "sock_owned_by_user_nocheck"]

  /// Effects a call has by what it calls: header, queue and bottom-half APIs.
  func local(_ call: CallSiteFact) -> [FrameEffect] {
    guard case .function(_, let name) = call.target else { return [] }
    let text = call.expression
    if Self.pushCalls.contains(name), let layer = Self.layer(ofSize: text) { return [.header(layer, push: true)] }
    if Self.linkPullCalls.contains(name) { return [.header(.link, push: false)] }
    if Self.pullCalls.contains(name), text.contains("network_header_len") { return [.header(.network, push: false)] }
    let queues = Self.queues(in: text)
    if Self.enqueueCalls.contains(name), let q = queues.first { return [.queue(.enqueue(q))] }
    if Self.dequeueCalls.contains(name), let q = queues.first { return [.queue(.dequeue(q))] }
    if Self.spliceCalls.contains(name), queues.count == 2 { return [.queue(.splice(queues[0], queues[1]))] }
    if Self.bottomHalfEnable.contains(name) { return [.bottomHalvesEnabled] }
    if Self.socketLockCalls.contains(name) { return [.socketLocked] }
    if Self.socketReleaseCalls.contains(name) { return [.socketReleased] }
    if Self.ownerCheckCalls.contains(name) { return [.ownerCheck] }
    return []
  }

  /// Which header a push adds, from its size expression (`tcp_header_size`, `sizeof(struct iphdr)`, `hh_len`).
  static func layer(ofSize text: String) -> HeaderLayer? {
    if text.contains("hh_len") || text.contains("hh_alen") || text.contains("ETH_HLEN") { return .link }
    if text.contains("struct iphdr") || text.contains("struct ipv6hdr") { return .network }
    if text.contains("tcp_header_size") || text.contains("struct tcphdr") || text.contains("struct udphdr") {
      return .transport
    }
    return nil
  }

  /// The model's queues named in an expression, in order of appearance.
  static func queues(in text: String) -> [String] {
    SimQueues.names.compactMap { n in text.range(of: n).map { (n, $0.lowerBound) } }
      .sorted { $0.1 < $1.1 }.map(\.0)
  }
}
