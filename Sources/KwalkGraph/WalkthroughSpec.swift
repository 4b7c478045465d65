import Foundation
import KwalkCore

/// A walkthrough as data: which functions a reader passes through, never which lines or bindings.
///
/// The file format (`Annotations/walkthroughs/<name>.walk`) is line based:
/// ```
/// name: tcp-ipv4
/// title: A TCP segment to 127.0.0.1
/// files: net/ipv4/ip_output.c, net/core/dev.c, drivers/net/loopback.c
///
/// [send]
/// entry: tcp_sendmsg
/// waypoints: ip_queue_xmit, ip_output, loopback_xmit
/// exit: __raise_softirq_irqoff
///
/// [receive]
/// after: send
/// entry: net_rx_action
/// exit: sock_def_readable
///
/// [context]
/// napi_struct.poll = process_backlog: the device is loopback, whose packets wait on the per-CPU backlog
/// ```
public struct WalkthroughSpec: Hashable, Sendable {
  /// One direction of travel.
  public struct Leg: Hashable, Sendable {
    /// `send` or `receive`.
    public var direction: String
    /// The first function.
    public var entry: String
    /// Functions the path must pass, in order.
    public var waypoints: [String]
    /// The last function.
    public var exit: String
    /// The leg whose end raises the softirq this leg starts in.
    public var after: String?
    /// Where each key was written (for error messages).
    public var line: Int

    /// Entry, waypoints and exit in order.
    public var stops: [String] { [entry] + waypoints + [exit] }
  }

  /// A choice among a pointer's candidates that the situation makes: "the device is loopback".
  public struct ContextConstraint: Hashable, Sendable {
    /// The pointer.
    public var field: StructField
    /// The candidate the situation selects.
    public var choose: String
    /// Why, in words.
    public var because: String
    /// Line in the spec.
    public var line: Int
  }

  public var name: String
  public var title: String
  /// Files the index starts from.
  public var files: [SourcePath]
  public var legs: [Leg]
  public var constraints: [ContextConstraint]
  /// The spec file.
  public var source: String

  /// Every function the spec names.
  public var namedFunctions: [String] {
    var seen: Set<String> = []
    return (legs.flatMap(\.stops) + constraints.map(\.choose)).filter { seen.insert($0).inserted }
  }
}

/// A malformed walkthrough file or a name that matches none.
public enum WalkthroughError: Error, CustomStringConvertible, Equatable {
  case malformed(file: String, line: Int, reason: String)
  case unknown(String, available: [String])

  public var description: String {
    switch self {
    case .malformed(let file, let line, let reason): return "\(file):\(line): \(reason)"
    case .unknown(let name, let available):
      return "unknown walkthrough '\(name)': available are \(available.joined(separator: ", "))"
    }
  }
}

extension WalkthroughSpec {
  /// Parses one `.walk` file.
  public static func parse(_ text: String, source: String) throws -> WalkthroughSpec {
    var name = ""
    var title = ""
    var files: [SourcePath] = []
    var legs: [Leg] = []
    var constraints: [ContextConstraint] = []
    var section = ""
    var leg: Leg?
    func closeLeg(_ n: Int) throws {
      guard let l = leg else { return }
      guard !l.entry.isEmpty, !l.exit.isEmpty else {
        throw WalkthroughError.malformed(file: source, line: l.line, reason: "[\(l.direction)] needs entry and exit")
      }
      legs.append(l)
      leg = nil
    }
    func list(_ v: String) -> [String] {
      v.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
    for (i, raw) in text.components(separatedBy: "\n").enumerated() {
      let n = i + 1
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.isEmpty || line.hasPrefix("#") { continue }
      if line.hasPrefix("[") && line.hasSuffix("]") {
        try closeLeg(n)
        section = String(line.dropFirst().dropLast())
        if section == "send" || section == "receive" {
          leg = Leg(direction: section, entry: "", waypoints: [], exit: "", after: nil, line: n)
        } else if section != "context" {
          throw WalkthroughError.malformed(file: source, line: n, reason: "unknown section [\(section)]")
        }
        continue
      }
      if section == "context" {
        // napi_struct.poll = process_backlog: because ...
        let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        let lhs = parts[0].split(separator: "=").map { $0.trimmingCharacters(in: .whitespaces) }
        guard lhs.count == 2, let field = StructField(parsing: lhs[0]), !lhs[1].isEmpty else {
          throw WalkthroughError.malformed(
            file: source, line: n, reason: "a context line reads 'struct.field = function: why'")
        }
        constraints.append(
          ContextConstraint(field: field, choose: lhs[1], because: parts.count > 1 ? parts[1] : "", line: n))
        continue
      }
      guard let colon = line.firstIndex(of: ":") else {
        throw WalkthroughError.malformed(file: source, line: n, reason: "expected 'key: value'")
      }
      let key = line[..<colon].trimmingCharacters(in: .whitespaces)
      let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      if var l = leg {
        switch key {
        case "entry": l.entry = value
        case "exit": l.exit = value
        case "waypoints": l.waypoints = list(value)
        case "after": l.after = value
        default: throw WalkthroughError.malformed(file: source, line: n, reason: "unknown key '\(key)'")
        }
        leg = l
      } else {
        switch key {
        case "name": name = value
        case "title": title = value
        case "files": files = list(value).map { SourcePath($0) }
        default: throw WalkthroughError.malformed(file: source, line: n, reason: "unknown key '\(key)'")
        }
      }
    }
    try closeLeg(0)
    guard !name.isEmpty else { throw WalkthroughError.malformed(file: source, line: 1, reason: "no 'name:'") }
    guard !legs.isEmpty else { throw WalkthroughError.malformed(file: source, line: 1, reason: "no [send] or [receive]") }
    return WalkthroughSpec(
      name: name, title: title.isEmpty ? name : title, files: files, legs: legs, constraints: constraints,
      source: source)
  }

  /// Every `.walk` file in `directory`, sorted by name.
  public static func loadAll(from directory: String) throws -> [WalkthroughSpec] {
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter {
      $0.hasSuffix(".walk")
    }.sorted()
    return try names.map { file in
      let path = directory + "/" + file
      let text = try String(contentsOfFile: path, encoding: .utf8)
      return try parse(text, source: path)
    }
  }

  /// The spec named `name`.
  public static func named(_ name: String, in specs: [WalkthroughSpec]) throws -> WalkthroughSpec {
    guard let s = specs.first(where: { $0.name == name }) else {
      throw WalkthroughError.unknown(name, available: specs.map(\.name))
    }
    return s
  }
}
