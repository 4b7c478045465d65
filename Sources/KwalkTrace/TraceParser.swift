import Foundation
import KwalkGraph

/// Reads the text of /sys/kernel/tracing/trace: `task-pid [cpu] flags timestamp: event: fields`, optionally with
/// a `(tgid)` column, each event optionally followed by a `<stack trace>` line and ` => function` frames.
public enum TraceParser {
  public static func parse(_ text: String, source: String) throws -> RecordedTrace {
    var records: [TraceRecord] = []
    var markers: [String] = []
    var sawHeader = false
    var unreadable = 0
    var inStack = false
    var spans: [TraceSpan] = []
    var open: [String: (tasks: [Int], start: Int)] = [:]
    var counters: [CounterWindow] = []
    // InputText.lines, not split(separator: "\n"): a trace saved with \r\n line ends is otherwise one long line.
    for (i, line) in InputText.lines(text).enumerated() {
      if line.hasPrefix("#") {
        if line.hasPrefix("# tracer:") { sawHeader = true }
        _ = CounterWindow.read(Substring(line), into: &counters)
        continue
      }
      if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
      if line.hasPrefix(" => ") {
        guard inStack, !records.isEmpty else { unreadable += 1; continue }
        records[records.count - 1].stack.append(frameName(String(line.dropFirst(4))))
        continue
      }
      guard let r = record(line, number: i + 1) else {
        unreadable += 1
        inStack = false
        continue
      }
      if r.name == "<stack trace>" {
        inStack = true
        continue
      }
      inStack = false
      if r.name == "tracing_mark_write" {
        markers.append(r.text)
        if let (w, tasks) = TraceSpan.begin(r.text) { open[w] = (tasks, records.count) }
        if let w = TraceSpan.end(r.text), let b = open.removeValue(forKey: w) {
          spans.append(TraceSpan(walkthrough: w, tasks: b.tasks, records: b.start..<records.count))
        }
        continue
      }
      records.append(r)
    }
    if records.isEmpty && !sawHeader || unreadable > records.count {
      throw TraceError.notFtrace(InputText.fileName(source))
    }
    var trace = RecordedTrace(source: source, records: records, markers: markers, spans: spans)
    trace.counters = counters
    return trace
  }

  /// `tcp_sendmsg+0x2c/0x50` → `tcp_sendmsg`; `<stack trace>` frames may carry offsets with `sym-offset`.
  static func frameName(_ s: String) -> String {
    let t = s.trimmingCharacters(in: .whitespaces)
    return String(t.prefix { $0 != "+" && $0 != " " })
  }

  /// One event line, or nil when the line is not one.
  static func record(_ line: String, number: Int) -> TraceRecord? {
    // The CPU column `[001]` anchors the line: the task before it may hold spaces and dashes.
    guard let close = line.range(of: "] "), let bracket = line[..<close.lowerBound].lastIndex(of: "[") else {
      return nil
    }
    let open = close.lowerBound
    guard let cpu = Int(line[line.index(after: bracket)..<open]) else { return nil }
    var head = line[..<bracket].trimmingCharacters(in: .whitespaces)
    if head.hasSuffix(")"), let paren = head.lastIndex(of: "(") {  // record-tgid column
      head = head[..<paren].trimmingCharacters(in: .whitespaces)
    }
    guard let dash = head.lastIndex(of: "-"), let pid = Int(head[head.index(after: dash)...]) else { return nil }
    let task = head[..<dash].trimmingCharacters(in: .whitespaces)
    // From the end of the match: stepping two Characters on from its start assumed "] " was two whole Characters.
    let rest = line[close.upperBound...]
    let parts = rest.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
    guard parts.count >= 2, parts[1].hasSuffix(":") else { return nil }
    let flags = String(parts[0])
    let timestamp = String(parts[1].dropLast())
    guard Double(timestamp) != nil else { return nil }
    let body = parts.count > 2 ? String(parts[2]) : ""
    let name: String
    let text: String
    if body.hasPrefix("<stack trace>") {
      name = "<stack trace>"
      text = ""
    } else {
      guard let colon = body.range(of: ": ") ?? (body.hasSuffix(":") ? body.range(of: ":", options: .backwards) : nil)
      else { return nil }
      name = String(body[..<colon.lowerBound])
      text = String(body[colon.upperBound...])
      guard !name.isEmpty, !name.contains(" ") else { return nil }
    }
    return TraceRecord(
      line: number, task: task, pid: pid, cpu: cpu, flags: flags, timestamp: timestamp, name: name, text: text,
      fields: fields(name: name, text: text), stack: [])
  }

  static func fields(name: String, text: String) -> [String: String] {
    var out: [String: String] = [:]
    let words = text.split(separator: " ").map(String.init)
    for w in words {
      let t = w.trimmingCharacters(in: CharacterSet(charactersIn: "[],"))
      guard let eq = t.firstIndex(of: "="), eq != t.startIndex else { continue }
      out[String(t[..<eq])] = String(t[t.index(after: eq)...])
    }
    if name == "napi_poll" {
      for (i, w) in words.enumerated() where i + 1 < words.count && (w == "work" || w == "budget" || w == "device") {
        out[w == "device" ? "dev_name" : w] = words[i + 1]
      }
    }
    return out
  }
}
