import KwalkGraph

/// How a leg's softirq comes to run (its `runs:` chain), when that differs between the versions: the chain of
/// functions in each, and where it starts. 5.10 runs NET_RX where `ip_finish_output2` turns bottom halves back on;
/// 6.1 dropped that `rcu_read_lock_bh()`, and the softirq runs at `__dev_queue_xmit`'s enable instead.
public struct RunsChange: Hashable, Codable, Sendable {
  /// The chain's functions in each version, from the previous leg's function to the leg's entry.
  public var old: [String]
  public var new: [String]
  /// The call that starts each chain, `file:line`.
  public var oldStart: String
  public var newStart: String

  /// The change between two versions of a leg, or nil when its chain is the same (or it has none).
  public static func between(_ o: PacketPath, _ n: PacketPath) -> RunsChange? {
    let (a, b) = (o.runsFunctions, n.runsFunctions)
    guard a != b, let s = o.runs.first, let t = n.runs.first else { return nil }
    return RunsChange(
      old: a, new: b, oldStart: "\(s.callsite.file):\(s.callsite.line)", newStart: "\(t.callsite.file):\(t.callsite.line)")
  }

  /// One line: where the softirq runs from in each version.
  public var headline: String {
    "the softirq runs from \(old[0]) (\(oldStart)), now from \(new[0]) (\(newStart))"
  }
}
