/// The two functions every bottom-half disable and enable of the kernel ends in, known by convention: whatever a
/// caller writes (`local_bh_disable()`, `rcu_read_lock_bh()`, their `_enable`/`_unlock` partners), the inline chain
/// reaches `__local_bh_disable_ip` and `__local_bh_enable_ip`. The enable is where pending softirqs run when the
/// count drops to zero outside interrupt context, which is how a softirq raised during a send gets to run inside that
/// same system call. This is the only place kwalk knows these names (`PathFinder+Runs.swift` uses them).
enum BottomHalves {
  static let disable = "__local_bh_disable_ip"
  static let enable = "__local_bh_enable_ip"
  /// How many inline calls a caller's disable or enable may go through before it reaches one of the two.
  static let inlineDepth = 4
}
