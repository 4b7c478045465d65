/// A parsed ftrace text trace.
public struct RecordedTrace: Hashable, Codable, Sendable {
  /// The file's name as given, for messages.
  public var source: String
  public var records: [TraceRecord]
  /// Text written to `trace_marker` (`kwalk payload=5 count=1`).
  public var markers: [String]
  /// Each walkthrough's part of the trace, from its markers (none in a trace recorded before they existed).
  public var spans: [TraceSpan] = []
  /// Each walkthrough's counters before and after its exchange (none in a trace recorded before they existed).
  public var counters: [CounterWindow] = []

  /// The payload `kwalk trace` used, from its marker.
  public var payload: Int? { markerValue("payload") }
  /// How many segments `kwalk trace` sent per socket, from its marker.
  public var count: Int? { markerValue("count") }
  /// The running kernel `kwalk trace` recorded on, from its marker.
  public var kernelRelease: String? {
    markers.lazy.compactMap { m in m.split(separator: " ").first { $0.hasPrefix("release=") } }.first
      .map { String($0.dropFirst("release=".count)) }
  }

  func markerValue(_ key: String) -> Int? {
    for m in markers {
      for t in m.split(separator: " ") where t.hasPrefix(key + "=") { return Int(t.dropFirst(key.count + 1)) }
    }
    return nil
  }
}
