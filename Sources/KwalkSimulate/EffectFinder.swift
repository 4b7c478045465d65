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
    let route = routeGuards(of: function, split: splitAt)
    for t in snapshot.tracepointsByCaller[function] ?? [] where events.contains("\(t.system):\(t.event)") {
      if isJourney(t) {
        guard let p = placement(of: t),
          Self.onRoute(p.guards, p.placement, route: route, after: Self.isAfter(t.location, splitAt))
        else { continue }
      }
      placed.append((t.location, .trace(t, function: name)))
    }
    for call in snapshot.callsByCaller[function] ?? [] {
      if let s = splitAt, call.location.path == s.path, call.location.line == s.line { continue }
      for e in local(call) { placed.append((call.location, e)) }
      guard call.kind == .direct || call.kind == .inline, case .function(let callee, _) = call.target,
        !onLeg.contains(callee)
      else { continue }
      var seen: Set<SymbolID> = [function]
      let mainLine = Self.onRoute(
        call.guards, call.placement, route: route, after: Self.isAfter(call.location, splitAt))
      for e in side(callee, depth: sideDepth, seen: &seen, onLeg: onLeg, mainLine: mainLine) {
        placed.append((call.location, e))
      }
    }
    placed.sort { $0.0 < $1.0 }
    guard let s = splitAt else { return (placed.map(\.1), []) }
    let before = placed.filter { $0.0.path != s.path || $0.0.line < s.line }.map(\.1)
    let after = placed.filter { $0.0.path == s.path && $0.0.line > s.line }.map(\.1)
    return (before, after)
  }

  /// Effects of a function called on the side, depth first in source order. Header and bottom-half changes count
  /// only in the path's own functions: on the side they sit on branches (errors, fragments) the packet skips. The
  /// journey's events count only while every call down to them is on its caller's main line (`mainLine`).
  func side(_ f: SymbolID, depth: Int, seen: inout Set<SymbolID>, onLeg: Set<SymbolID>, mainLine: Bool) -> [FrameEffect] {
    guard depth > 0, seen.insert(f).inserted else { return [] }
    var placed: [(SourceLocation, [FrameEffect])] = []
    let name = snapshot.functions[f]?.name ?? f.usr
    for t in snapshot.tracepointsByCaller[f] ?? [] where events.contains("\(t.system):\(t.event)") {
      if isJourney(t) {
        guard mainLine, let p = placement(of: t), Self.onMainLine(p.guards, p.placement) else { continue }
      }
      placed.append((t.location, [.trace(t, function: name)]))
    }
    for call in snapshot.callsByCaller[f] ?? [] {
      var effects = local(call).filter { if case .queue = $0 { return true } else { return false } }
      if call.kind == .direct || call.kind == .inline, case .function(let callee, _) = call.target,
        !onLeg.contains(callee)
      {
        let next = mainLine && Self.onMainLine(call.guards, call.placement)
        effects += side(callee, depth: depth - 1, seen: &seen, onLeg: onLeg, mainLine: next)
      }
      if !effects.isEmpty { placed.append((call.location, effects)) }
    }
    return placed.sorted { $0.0 < $1.0 }.flatMap(\.1)
  }
}
