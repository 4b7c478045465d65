import KwalkCore

/// Which `trace_*` sites of the journey's systems (`Scenario.journeySystems`: the socket layer, the transports, the
/// skb's life, the scheduler) fire on the scenario's route. Those systems fire on error and drop branches far more
/// often than on the route (`tcp_bad_csum`, `kfree_skb`), so a site counts only where the index places it on the
/// route: in a block that encloses the continuing call (its guards are a prefix of that call's), never on an exit;
/// in a function called on the side, only on that function's main line, through calls on the main line.
///
/// The index gives guards to call sites, not to tracepoint sites. It does place the `trace_<event>(…)` call itself
/// among its function's top-level statements (a `HelperCallFact`, since the call is to the static inline wrapper the
/// tracepoint header defines): a site the index places on the main line has no guards (`trace_sched_waking(p);` in
/// 6.1's `try_to_wake_up`, after the `goto unlock` of a failed state match). A site in a branch or on an exit takes
/// the guards of the first call site of the same function that follows it within `neighbourLines`
/// (`trace_tcp_probe(sk, skb);` is followed by `tcp_mstamp_refresh(tp)`, `trace_tcp_bad_csum(skb);` by the
/// `TCP_INC_STATS` of the same exit), without the guards whose condition starts after the site; in a function that
/// calls nothing, the main line. A preceding call alone does not tell, since it may be the condition of the block
/// the site is in (`if (tcp_parse_auth_options(…)) { trace_tcp_hash_bad_header(…); return …; }`). Only where the
/// calls on both sides sit in the same blocks and none of those decides anything (a `scoped_guard` body, as 6.12's
/// `try_to_wake_up` holds its `trace_sched_waking(p);` with a long comment after it) does the site take their
/// guards. Any other site is not placed, and not predicted.
extension EffectFinder {
  static let neighbourLines = 3

  /// Whether `site` belongs to one of the journey's systems (and so needs the placement check).
  func isJourney(_ site: TracepointSiteFact) -> Bool {
    Scenario.journeySystems.contains(site.system)
  }

  /// The guards and placement of the statement holding `site`; nil when unknown.
  func placement(of site: TracepointSiteFact) -> (guards: [BranchGuard], placement: FactPlacement)? {
    let calls = snapshot.callsByCaller[site.caller] ?? []
    // A function that calls nothing exists to fire its tracepoint (`call_trace_sock_send_length`, noinline).
    if calls.isEmpty { return ([], .mainLine) }
    let placed = indexPlacement(of: site)
    if placed == .mainLine { return ([], .mainLine) }
    let inFile = calls.filter { $0.location.path == site.location.path }
    if let next = inFile.first(where: {
      $0.location >= site.location && $0.location.line - site.location.line <= Self.neighbourLines
    }) {
      let guards = next.guards.filter { $0.location < site.location }
      // In a branch, a site is inside some block: a neighbour outside every block is past the site's block.
      if placed == .branch, guards.isEmpty { return nil }
      return (guards, placed ?? next.placement)
    }
    guard placed == .branch, let before = inFile.last(where: { $0.location < site.location }),
      let after = inFile.first(where: { $0.location > site.location }), !before.guards.isEmpty,
      before.guards == after.guards, Self.deciding(before.guards).isEmpty
    else { return nil }
    return (before.guards, .branch)
  }

  /// Where the index places the `trace_<event>(…)` call of `site` among its function's top-level statements.
  func indexPlacement(of site: TracepointSiteFact) -> FactPlacement? {
    let helpers = snapshot.observations.helpersByFunction[site.caller] ?? []
    return helpers.first { h in h.location == site.location && h.callee.usr.hasSuffix("@F@trace_\(site.event)") }?
      .placement
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
  /// A statement inside blocks of which none decides anything (a `scoped_guard` body) runs as the main line does.
  static func onMainLine(_ guards: [BranchGuard], _ placement: FactPlacement) -> Bool {
    guard deciding(guards).isEmpty else { return false }
    return placement == .mainLine || (placement == .branch && !guards.isEmpty)
  }

  /// The guards that decide something while the scenario is traced. Two kinds do not (include/linux/tracepoint.h,
  /// include/linux/cleanup.h): a tracepoint's own `trace_<event>_enabled()` test holds whenever its event is
  /// recorded; the `for` and `if … else` a `scoped_guard (class, …)` expands to run its body once, holding the
  /// lock, unless the class is a conditional one (`DEFINE_GUARD_COND`'s `_try`, `_intr` and `_killable` classes,
  /// which may fail to take it).
  static func deciding(_ guards: [BranchGuard]) -> [BranchGuard] {
    guards.filter { g in !isTracepointEnabledTest(g) && !isScopedGuard(g) }
  }

  static func isTracepointEnabledTest(_ g: BranchGuard) -> Bool {
    g.kind == .then
      && g.condition.range(of: #"^(likely\(|unlikely\()?trace_\w+_enabled\(\)\)?$"#, options: .regularExpression) != nil
  }

  /// `scoped_guard (raw_spinlock_irqsave, &p->pi_lock)` as the loop or the `else` it expands to.
  static func isScopedGuard(_ g: BranchGuard) -> Bool {
    guard g.kind == .loop || g.kind == .otherwise,
      let m = g.condition.firstMatch(of: #/^scoped_guard\s*\(\s*(\w+)\s*[,)]/#)
    else { return false }
    let name = String(m.1)
    return !Self.conditionalGuardSuffixes.contains { name.hasSuffix($0) }
  }

  /// The suffixes `DEFINE_GUARD_COND` gives the lock classes that may fail (include/linux/cleanup.h, mutex.h).
  static let conditionalGuardSuffixes = ["_try", "_intr", "_killable"]

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
