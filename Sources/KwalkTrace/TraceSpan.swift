/// Where one walkthrough's traffic lies in a trace: the records between its `kwalk: begin <w> tids=…` and
/// `kwalk: end <w>` markers, and the threads that made it (sender, reader).
public struct TraceSpan: Hashable, Codable, Sendable {
  public var walkthrough: String
  /// Thread ids named by the begin marker.
  public var tasks: [Int]
  /// Indexes into `RecordedTrace.records`.
  public var records: Range<Int>

  /// The reader thread: the begin marker names it last, after the sender.
  public var reader: Int? { tasks.count >= 2 ? tasks.last : nil }

  public init(walkthrough: String, tasks: [Int], records: Range<Int>) {
    self.walkthrough = walkthrough
    self.tasks = tasks
    self.records = records
  }

  /// `kwalk: begin tcp-ipv4 tids=12,13` → the walkthrough and the thread ids.
  static func begin(_ marker: String) -> (String, [Int])? {
    let words = marker.split(separator: " ")
    guard words.count >= 3, words[0] == "kwalk:", words[1] == "begin" else { return nil }
    let tids = words.first { $0.hasPrefix("tids=") }.map { $0.dropFirst(5).split(separator: ",").compactMap { Int($0) } }
    return (String(words[2]), tids ?? [])
  }

  /// `kwalk: end tcp-ipv4` → the walkthrough.
  static func end(_ marker: String) -> String? {
    let words = marker.split(separator: " ")
    guard words.count >= 3, words[0] == "kwalk:", words[1] == "end" else { return nil }
    return String(words[2])
  }
}

extension RecordedTrace {
  /// The records of a walkthrough's span that its traffic made: those of its own threads, and those of any task
  /// that was serving a softirq at the time (NET_RX may run on another CPU, in ksoftirqd or an interrupted task).
  /// Empty when the trace has no span for it. `withoutReader` leaves out what the woken reader does in its own
  /// system call (copying the data out), which comes after the journey's end.
  public func records(of walkthrough: String, withoutReader: Bool = false) -> [TraceRecord] {
    spans.filter { $0.walkthrough == walkthrough }.flatMap { span in
      records[span.records].filter { r in
        if withoutReader, r.pid == span.reader, !r.inSoftirq { return false }
        return span.tasks.isEmpty || span.tasks.contains(r.pid) || r.inSoftirq
      }
    }
  }

  /// The records the woken reader made in its own system call, in process context: what `withoutReader` leaves out.
  public func readerRecords(of walkthrough: String) -> [TraceRecord] {
    spans.filter { $0.walkthrough == walkthrough }.flatMap { span in
      records[span.records].filter { r in span.reader != nil && r.pid == span.reader && !r.inSoftirq }
    }
  }
}
