import KwalkCore

/// Which `trace_*` sites of the journey's systems (`Scenario.journeySystems`: the socket layer, the transports, the
/// skb's life, the scheduler) fire on the scenario's route. Those systems fire on error and drop branches far more
/// often than on the route (`tcp_bad_csum`, `kfree_skb`), so a site counts only where the index places it on the
/// route: in a block that encloses the continuing call (its guards are a prefix of that call's), never on an exit;
/// in a function called on the side, only on that function's main line, through calls on the main line.
///
/// The index gives guards and placement to call sites, not to tracepoint sites; until it does, a site takes those
/// of the first call site of the same function that follows it within `neighbourLines` (`trace_tcp_probe(sk, skb);`
/// is followed by `tcp_mstamp_refresh(tp)`, `trace_tcp_bad_csum(skb);` by the `TCP_INC_STATS` of the same exit),
/// without the guards whose condition starts after the site; in a function that calls nothing, the main line. A
/// site no call follows that closely is not placed, and not predicted: a preceding call does not tell, since it may be the condition of the block the site is in
/// (`if (tcp_parse_auth_options(…)) { trace_tcp_hash_bad_header(…); return …; }`).
extension EffectFinder {
  static let neighbourLines = 3

  /// Whether `site` belongs to one of the journey's systems (and so needs the placement check).
  func isJourney(_ site: TracepointSiteFact) -> Bool {
    Scenario.journeySystems.contains(site.system)
  }

  /// The guards and placement of the statement holding `site`, as its neighbour shows them; nil when unknown.
  func placement(of site: TracepointSiteFact) -> (guards: [BranchGuard], placement: FactPlacement)? {
    let calls = snapshot.callsByCaller[site.caller] ?? []
    // A function that calls nothing exists to fire its tracepoint (`call_trace_sock_send_length`, noinline).
    if calls.isEmpty { return ([], .mainLine) }
    let next = calls.first {
      $0.location.path == site.location.path && $0.location >= site.location
        && $0.location.line - site.location.line <= Self.neighbourLines
    }
    guard let next else { return nil }
    return (next.guards.filter { $0.location < site.location }, next.placement)
  }

  /// Whether code under `guards` and `placement` runs whenever the continuing call (under `route`) does. Code after
  /// the call must be in the call's own block: the kernel's blocks around a continuing call mostly end in a
  /// `return` (`if (!IS_ERR(neigh)) { … return neigh_output(…); }`), so what follows them is the failure's.
  static func onRoute(_ guards: [BranchGuard], _ placement: FactPlacement, route: [BranchGuard], after: Bool = false)
    -> Bool
  {
    let (guards, route) = (deciding(guards), deciding(route))
    return placement != .exit && guards.count <= route.count && Array(route.prefix(guards.count)) == guards
      && (!after || guards.count == route.count)
  }

  /// Whether code in a function called on the side runs on its main line: a top-level statement of the body, not in
  /// a branch, nor in the condition of one (`if (delta > 0 && !__sk_mem_schedule(…))` runs only when `delta > 0`).
  static func onMainLine(_ guards: [BranchGuard], _ placement: FactPlacement) -> Bool {
    placement == .mainLine && deciding(guards).isEmpty
  }

  /// The guards that decide something while the scenario is traced: a tracepoint's own `trace_<event>_enabled()`
  /// test (the tracepoint API, include/linux/tracepoint.h) holds whenever its event is recorded.
  static func deciding(_ guards: [BranchGuard]) -> [BranchGuard] {
    guards.filter { g in
      !(g.kind == .then && g.condition.range(of: #"^(likely\(|unlikely\()?trace_\w+_enabled\(\)\)?$"#, options: .regularExpression) != nil)
    }
  }

  /// Whether `location` comes after the continuing call at `split`.
  static func isAfter(_ location: SourceLocation, _ split: SourceLocation?) -> Bool {
    guard let s = split else { return false }
    return location.path == s.path && location.line > s.line
  }

  /// The guards of the call that continues the path at `split`, or none for the leg's last function.
  func routeGuards(of function: SymbolID, split: SourceLocation?) -> [BranchGuard] {
    guard let s = split else { return [] }
    return (snapshot.callsByCaller[function] ?? []).first { $0.location.path == s.path && $0.location.line == s.line }?
      .guards ?? []
  }
}
