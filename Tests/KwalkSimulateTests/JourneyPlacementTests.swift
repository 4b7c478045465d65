import KwalkCore
import Testing

@testable import KwalkSimulate

/// Which guards decide whether the journey's tracepoint sites fire on the route.
@Suite struct JourneyPlacementTests {
  func guardOf(_ kind: BranchGuard.Kind, _ condition: String, line: Int = 10) -> BranchGuard {
    BranchGuard(kind: kind, condition: condition, location: SourceLocation(path: SourcePath("f.c"), line: line), hint: nil)
  }

  @Test func aTracepointsEnabledTestHoldsWhileTracing() {
    let enabled = guardOf(.then, "trace_sock_send_length_enabled()")
    let hinted = guardOf(.then, "unlikely(trace_sock_send_length_enabled())")
    let real = guardOf(.then, "delta > 0")
    #expect(EffectFinder.deciding([enabled, hinted, real]) == [real])
    #expect(EffectFinder.deciding([guardOf(.otherwise, "trace_x_enabled()")]).count == 1)
  }

  @Test func routeAndMainLine() {
    let established = guardOf(.then, "sk->sk_state == TCP_ESTABLISHED")
    let other = guardOf(.then, "sk->sk_state == TCP_LISTEN")
    // Before the continuing call: in a block that encloses it; after it: in its own block only; never on an exit.
    #expect(EffectFinder.onRoute([], .mainLine, route: [established]))
    #expect(!EffectFinder.onRoute([], .mainLine, route: [established], after: true))
    #expect(EffectFinder.onRoute([established], .branch, route: [established], after: true))
    #expect(!EffectFinder.onRoute([other], .branch, route: [established]))
    #expect(!EffectFinder.onRoute([], .exit, route: []))
    // On the side, only top-level statements: not a branch, not a condition.
    #expect(EffectFinder.onMainLine([], .mainLine))
    #expect(!EffectFinder.onMainLine([], .branch))
    #expect(EffectFinder.onMainLine([guardOf(.then, "trace_foo_enabled()")], .mainLine))
  }

  /// A `scoped_guard` body runs once the lock is taken: its loop and `else` decide nothing, unless the lock class
  /// may fail (`mutex_try`). On the side, a statement in such a body runs as the main line does.
  @Test func aScopedGuardDecidesNothing() {
    let loop = guardOf(.loop, "scoped_guard (raw_spinlock_irqsave, &p->pi_lock)")
    let otherwise = guardOf(.otherwise, "scoped_guard (raw_spinlock_irqsave, &p->pi_lock)")
    let trying = guardOf(.loop, "scoped_guard (mutex_try, &lock)")
    let real = guardOf(.then, "task_cpu(p) != cpu")
    #expect(EffectFinder.deciding([loop, otherwise, trying, real]) == [trying, real])
    #expect(EffectFinder.onMainLine([loop, otherwise], .branch))
    #expect(!EffectFinder.onMainLine([loop, otherwise, real], .branch))
    #expect(!EffectFinder.onMainLine([trying], .branch))
    #expect(EffectFinder.onRoute([loop, otherwise], .branch, route: []))
  }
}
