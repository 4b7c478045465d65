import Foundation

/// Writes a simulation in the layout of /sys/kernel/tracing/trace: `task-pid [cpu] flags timestamp: event: fields`.
public enum FtraceEncoder {
  public static func encode(_ trace: SimTrace) -> String {
    var out = "# tracer: nop\n#\n# kwalk simulate: \(trace.scenario.walkthrough) payload=\(trace.scenario.payload) "
    out += "count=\(trace.scenario.count) kernel=\(trace.kernel)\n"
    out += "#           TASK-PID     CPU#  |||||  TIMESTAMP  FUNCTION\n#              | |         |   |||||     |         |\n"
    for e in trace.events { out += line(e) + "\n" }
    return out
  }

  /// One event line.
  public static func line(_ e: SimEvent) -> String {
    let task = String(repeating: " ", count: max(0, 16 - e.task.count)) + e.task
    let pid = String(e.pid).padding(toLength: 7, withPad: " ", startingAt: 0)
    let cpu = String(format: "%03d", e.cpu)
    let flags = e.context == .softirq ? "..s1." : "....."
    let time = String(format: "%5d.%06d", e.time / 1_000_000, e.time % 1_000_000)
    return "\(task)-\(pid) [\(cpu)] \(flags) \(time): \(e.name): \(text(e))"
  }

  /// The event's printed fields, as the kernel's format strings print them.
  public static func text(_ e: SimEvent) -> String {
    switch e.name {
    case "softirq_entry", "softirq_exit", "softirq_raise":
      return "vec=\(e.field("vec") ?? "3") [action=\(e.field("action") ?? "NET_RX")]"
    case "napi_poll":
      return "napi poll on napi struct \(e.field("napi") ?? "") for device \(e.field("dev_name") ?? "") "
        + "work \(e.field("work") ?? "0") budget \(e.field("budget") ?? "64")"
    default:
      return e.fields.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
    }
  }
}
