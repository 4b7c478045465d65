import Foundation

/// Writes a simulation as Chrome JSON trace events, which Perfetto's UI opens: one instant event per tracepoint
/// on a track per context, and one flow per skb joining its events.
public enum PerfettoEncoder {
  public static func encode(_ trace: SimTrace) throws -> Data {
    var events: [[String: ChromeTraceValue]] = []
    events.append(["ph": "M", "pid": 1, "name": "process_name", "args": ["name": .string("kwalk simulate \(trace.scenario.walkthrough)")]])
    events.append(["ph": "M", "pid": 1, "tid": 1, "name": "thread_name", "args": ["name": "process context"]])
    events.append(["ph": "M", "pid": 1, "tid": 2, "name": "thread_name", "args": ["name": "NET_RX softirq"]])
    let flowIDs = Dictionary(uniqueKeysWithValues: trace.skbs.enumerated().map { ($1.label, $0 + 1) })
    var lastOfSkb: [String: Int] = [:]
    for e in trace.events { if let s = e.skb { lastOfSkb[s] = e.index } }
    var seenSkb: Set<String> = []
    for e in trace.events {
      let tid = e.context == .softirq ? 2 : 1
      var args: [String: ChromeTraceValue] = ["function": .string(e.function), "leg": .string(e.leg), "hop": .int(e.hop)]
      for f in e.fields { args[f.key] = .string(f.value) }
      if let site = e.site { args["site"] = .string("\(site.file):\(site.line)") }
      events.append([
        "ph": "X", "pid": 1, "tid": .int(tid), "ts": .int(e.time), "dur": 1, "cat": .string(e.system),
        "name": .string(e.name), "args": .object(args),
      ])
      guard let skb = e.skb, let id = flowIDs[skb] else { continue }
      let phase = seenSkb.insert(skb).inserted ? "s" : (lastOfSkb[skb] == e.index ? "f" : "t")
      events.append([
        "ph": .string(phase), "id": .int(id), "pid": 1, "tid": .int(tid), "ts": .int(e.time), "cat": "skb",
        "name": .string(skb), "bp": "e",
      ])
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(["displayTimeUnit": ChromeTraceValue.string("ns"), "traceEvents": .array(events.map { .object($0) })])
  }
}
