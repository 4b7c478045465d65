/// The counters of `/proc/net/snmp`, `/proc/net/netstat`, `/proc/net/snmp6` and `/proc/net/softnet_stat` at one
/// moment, under the names `kwalk knobs` gives them: `Ip: InReceives` (a heading line of names followed by a line of
/// values), `Ip6InReceives` (snmp6 prints one `Name value` pair a line, no heading) and `softnet_stat column 1` (the
/// 1-based column, summed over the per-CPU lines; the file prints hex).
public struct CounterSnapshot: Hashable, Codable, Sendable {
  /// The files snapshotted, in the order they are read.
  public static let files = ["/proc/net/snmp", "/proc/net/netstat", "/proc/net/snmp6", "/proc/net/softnet_stat"]
  /// The files a kernel without IPv6 lacks: a snapshot goes on without them.
  public static let optionalFiles: Set<String> = ["/proc/net/snmp6"]

  /// Counter name → value.
  public var values: [String: Int64]

  public init(values: [String: Int64]) {
    self.values = values
  }

  /// Parses each file's text (keyed by its `/proc/net/...` path); a file kwalk does not know is ignored. Throws
  /// `TraceError.counters` naming the file when a heading's names and values do not line up.
  public init(texts: [String: String]) throws {
    var values: [String: Int64] = [:]
    for (file, text) in texts {
      if file.hasSuffix("/softnet_stat") {
        values.merge(try Self.columns(text, file: file)) { a, _ in a }
      } else if file.hasSuffix("/snmp") || file.hasSuffix("/netstat") {
        values.merge(try Self.headed(text, file: file)) { a, _ in a }
      } else if file.hasSuffix("/snmp6") {
        values.merge(try Self.pairs(text, file: file)) { a, _ in a }
      }
    }
    self.values = values
  }

  /// The key of a softnet_stat column.
  public static func columnName(_ column: Int) -> String { "softnet_stat column \(column)" }

  /// How much each counter grew from `earlier` to this snapshot; counters absent from either are left out.
  public func moved(since earlier: CounterSnapshot) -> [String: Int64] {
    var out: [String: Int64] = [:]
    for (k, v) in values {
      guard let e = earlier.values[k], v != e else { continue }
      out[k] = v &- e
    }
    return out
  }

  /// `Ip: Forwarding DefaultTTL …` then `Ip: 1 64 …`: each name paired with the value in the same position.
  static func headed(_ text: String, file: String) throws -> [String: Int64] {
    var out: [String: Int64] = [:]
    var pending: (heading: Substring, names: [Substring])?
    for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
      guard let colon = line.firstIndex(of: ":") else { continue }
      let heading = line[..<colon]
      let words = line[line.index(after: colon)...].split(separator: " ")
      if let p = pending, p.heading == heading {
        guard words.count == p.names.count else {
          throw TraceError.counters(file, "the \(heading) line has \(words.count) values for \(p.names.count) names")
        }
        for (n, v) in zip(p.names, words) {
          // Some fields are signed (`Tcp: MaxConn -1`); a value that is not a number is left out.
          if let x = Int64(v) ?? UInt64(v).map({ Int64(bitPattern: $0) }) { out["\(heading): \(n)"] = x }
        }
        pending = nil
      } else {
        pending = (heading, words)
      }
    }
    return out
  }

  /// `Ip6InReceives   \t337`: one name and one value a line.
  static func pairs(_ text: String, file: String) throws -> [String: Int64] {
    var out: [String: Int64] = [:]
    for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
      let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
      guard words.count == 2, let v = Int64(words[1]) ?? UInt64(words[1]).map({ Int64(bitPattern: $0) }) else {
        throw TraceError.counters(file, "the line \(line.prefix(40)) is not a name and a number")
      }
      out[String(words[0])] = v
    }
    return out
  }

  /// One line per CPU of hex columns: each column summed over the CPUs (the file is machine-wide).
  static func columns(_ text: String, file: String) throws -> [String: Int64] {
    var out: [String: Int64] = [:]
    for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
      for (i, w) in line.split(separator: " ").enumerated() {
        guard let v = UInt64(w, radix: 16) else {
          throw TraceError.counters(file, "column \(i + 1) holds \(w), not a hex number")
        }
        out[columnName(i + 1), default: 0] &+= Int64(bitPattern: v)
      }
    }
    return out
  }
}
