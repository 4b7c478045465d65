/// Why a trace could not be recorded or read. Each says what to do, on one line.
public enum TraceError: Error, CustomStringConvertible, Equatable {
  /// tracefs needs root.
  case notRoot
  /// tracefs is absent and cannot be mounted.
  case noTracefs(String)
  /// The file holds no ftrace event lines.
  case notFtrace(String)
  /// The trace holds no skb event on `lo`.
  case noLoopbackEvents(String)
  /// The trace has no `<stack trace>` after any event: the path cannot be checked.
  case noStacks(String)
  /// A tracefs or state file could not be read or written.
  case io(String, String)
  /// The loopback exchange failed (socket error or timeout).
  case exchange(String)
  /// SIGINT or SIGTERM arrived; the settings were restored.
  case interrupted(String)
  /// A counter file (`/proc/net/snmp`) could not be read or understood.
  case counters(String, String)
  /// The trace holds no counter snapshots, and counters were asked for.
  case noCounters(String)
  /// The network namespace for the exchange could not be set up.
  case namespace(String)

  public var description: String {
    switch self {
    case .notRoot: return "kwalk trace needs root to use tracefs: run it with sudo (nothing was changed)"
    case .noTracefs(let why):
      return "no tracefs at /sys/kernel/tracing (\(why)): mount it with `mount -t tracefs nodev /sys/kernel/tracing` "
        + "(nothing was changed)"
    case .notFtrace(let f):
      return "\(f) is not ftrace text (no `task-pid [cpu] flags time: event:` lines): pass a file saved from "
        + "/sys/kernel/tracing/trace or by kwalk trace"
    case .noLoopbackEvents(let f):
      return "\(f) has no net events on dev=lo: record one with `kwalk trace --out FILE`"
    case .noStacks(let f):
      return "\(f) has no stack traces, so the path cannot be checked: record one with `kwalk trace --out FILE` "
        + "(without --no-stacks)"
    case .io(let path, let why): return "\(path): \(why)"
    case .exchange(let why): return "loopback exchange failed: \(why)"
    case .interrupted(let signal): return "interrupted by \(signal); every tracing setting was restored"
    case .counters(let file, let why): return "\(file): \(why)"
    case .noCounters(let f):
      return "\(f) holds no counter snapshots (`# kwalk counters` lines): record it again with "
        + "`kwalk trace --out FILE`, or verify without --counters"
    case .namespace(let why):
      return "cannot run the exchange in a network namespace of its own: \(why) (nothing was changed)"
    }
  }
}
