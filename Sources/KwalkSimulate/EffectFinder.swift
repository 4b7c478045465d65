import KwalkCore
import KwalkGraph
import KwalkIndex

/// Reads the effects of each function on a leg from the index: its `trace_*` sites and those of the functions it
/// calls on the side (direct and inline calls, a few levels deep), its header pushes and pulls, its queue
/// operations, and where it enables bottom halves. Everything is ordered by the position of the top-level call
/// relative to the call that continues the path.
struct EffectFinder {
  let snapshot: IndexSnapshot
  /// The tracepoints the scenario watches (`net:net_dev_queue`).
  let events: Set<String>
  /// How deep side calls are followed.
  var sideDepth = 3

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

  /// The frames of a leg: its entry (the callee of a softirq first hop) and each hop's callee.
  func frames(of path: PacketPath) -> [Frame] {
    var starts: [(String, SymbolID, Int)] = []
    let hops = path.hops
    if let first = hops.first {
      if first.kind != .softirq { starts.append((first.caller, first.callerID, -1)) }
      for (i, h) in hops.enumerated() { starts.append((h.callee, h.calleeID, i)) }
    }
    let onLeg = Set(starts.map(\.1))
    return starts.enumerated().map { k, s in
      let next = hops.indices.contains(s.2 + 1) ? hops[s.2 + 1] : nil
      let continuing = next.map { SourceLocation(path: SourcePath($0.callsite.file), line: $0.callsite.line) }
      let (before, after) = effects(of: s.1, splitAt: continuing, onLeg: onLeg)
      return Frame(function: s.0, id: s.1, hop: s.2, before: before, after: after)
    }
  }

  /// The effects of `function`, split at the continuing call's line.
  func effects(of function: SymbolID, splitAt: SourceLocation?, onLeg: Set<SymbolID>) -> ([FrameEffect], [FrameEffect]) {
    var placed: [(SourceLocation, FrameEffect)] = []
    let name = snapshot.functions[function]?.name ?? function.usr
    for t in snapshot.tracepointsByCaller[function] ?? [] where events.contains("\(t.system):\(t.event)") {
      placed.append((t.location, .trace(t, function: name)))
    }
    for call in snapshot.callsByCaller[function] ?? [] {
      if let s = splitAt, call.location.path == s.path, call.location.line == s.line { continue }
      for e in local(call) { placed.append((call.location, e)) }
      guard call.kind == .direct || call.kind == .inline, case .function(let callee, _) = call.target,
        !onLeg.contains(callee)
      else { continue }
      var seen: Set<SymbolID> = [function]
      for e in side(callee, depth: sideDepth, seen: &seen, onLeg: onLeg) { placed.append((call.location, e)) }
    }
    placed.sort { $0.0 < $1.0 }
    guard let s = splitAt else { return (placed.map(\.1), []) }
    let before = placed.filter { $0.0.path != s.path || $0.0.line < s.line }.map(\.1)
    let after = placed.filter { $0.0.path == s.path && $0.0.line > s.line }.map(\.1)
    return (before, after)
  }

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
    return []
  }

  /// Effects of a function called on the side, depth first in source order. Header and bottom-half changes count
  /// only in the path's own functions: on the side they sit on branches (errors, fragments) the packet skips.
  func side(_ f: SymbolID, depth: Int, seen: inout Set<SymbolID>, onLeg: Set<SymbolID>) -> [FrameEffect] {
    guard depth > 0, seen.insert(f).inserted else { return [] }
    var placed: [(SourceLocation, [FrameEffect])] = []
    let name = snapshot.functions[f]?.name ?? f.usr
    for t in snapshot.tracepointsByCaller[f] ?? [] where events.contains("\(t.system):\(t.event)") {
      placed.append((t.location, [.trace(t, function: name)]))
    }
    for call in snapshot.callsByCaller[f] ?? [] {
      var effects = local(call).filter { if case .queue = $0 { return true } else { return false } }
      if call.kind == .direct || call.kind == .inline, case .function(let callee, _) = call.target,
        !onLeg.contains(callee)
      {
        effects += side(callee, depth: depth - 1, seen: &seen, onLeg: onLeg)
      }
      if !effects.isEmpty { placed.append((call.location, effects)) }
    }
    return placed.sorted { $0.0 < $1.0 }.flatMap(\.1)
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
