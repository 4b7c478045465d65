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
/// waypoints: ip_queue_xmit, ip_output, loopback_xmit, __netif_rx | netif_rx, __udp4_lib_rcv?
/// exit: __raise_softirq_irqoff
///
/// [receive]
/// after: send
/// entry: net_rx_action
/// exit: sock_def_readable
///
/// [context]
/// napi_struct.poll = process_backlog: the device is loopback, whose packets wait on the per-CPU backlog
///
/// [scenario]
/// family: ipv4
/// inactive: rps, netfilter-rules
/// ```
/// A leg's section may have any name (`[reply]`); `runs:` in a leg with `after:` lists the functions from one on
/// the previous leg to this leg's entry: how the softirq that starts this leg actually gets to run. `[scenario]`
/// states the situation in terms `ScenarioTerms` knows, never kernel facts; the route finder turns them into
/// evidence.
/// A waypoint written `a | b` is the function `a`, called `b` in other kernel versions (the first name a kernel
/// defines is used); one written `a?` is optional: a kernel without it simply skips it (`WalkthroughSpec+Stops.swift`).
public struct WalkthroughSpec: Hashable, Sendable {
  /// One direction of travel.
  public struct Leg: Hashable, Sendable {
    /// The section's name: `send`, `receive`, or another leg's (`reply`).
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
    /// The other names of a waypoint, by its first name (`__netif_rx` → `netif_rx`).
    public var aliases: [String: [String]] = [:]
    /// Waypoints a kernel may lack.
    public var optional: Set<String> = []
    /// From a function on the `after` leg to `entry`: the stops of the chain that runs this leg's softirq.
    public var runs: [String] = []

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
  /// The situation the walkthrough is about.
  public var scenario: Scenario
  /// The spec file.
  public var source: String

  /// Every function the spec names.
  public var namedFunctions: [String] {
    var seen: Set<String> = []
    return (legs.flatMap { $0.stops + $0.runs } + constraints.map(\.choose)).filter { seen.insert($0).inserted }
  }
}

extension WalkthroughSpec {
  /// What the walkthrough's traffic is: its family, its socket, and the features compiled in but idle at run time.
  public struct Scenario: Hashable, Sendable {
    public struct Term: Hashable, Sendable {
      public var aspect: ScenarioTerms.Aspect
      public var name: String
      /// Line in the spec.
      public var line: Int
    }

    public var terms: [Term] = []

    public init(terms: [Term] = []) { self.terms = terms }

    /// The declared family, if any.
    public var family: ScenarioTerms.Family? {
      terms.first { $0.aspect == .family }.flatMap { ScenarioTerms.Family(rawValue: $0.name) }
    }

    /// The terms whose code this scenario rules out: idle features and situations it is not in.
    public var rulingOut: [ScenarioTerms.Term] {
      terms.compactMap { ScenarioTerms.term($0.name, aspect: $0.aspect) }.filter { !$0.signals.isEmpty }
    }
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
  /// Parses one `.walk` file; `source` is the name used in errors. Lines are numbered as an editor shows them.
  public static func parse(_ text: String, source: String) throws -> WalkthroughSpec {
    var parser = WalkthroughSpecParser(source: source)
    for (i, line) in InputText.lines(text).enumerated() { try parser.read(line, at: i + 1) }
    return try parser.finish()
  }

  /// Every `.walk` file in `directory`, sorted by name.
  public static func loadAll(from directory: String) throws -> [WalkthroughSpec] {
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter {
      $0.hasSuffix(".walk")
    }.sorted()
    return try names.map { file in
      let path = directory + "/" + file
      // Decoded leniently (bad UTF-8 becomes U+FFFD), like annotations and traces, so that a stray byte reaches the
      // parser, whose errors name a line, instead of failing as Foundation's "couldn't be opened" with none.
      guard let data = FileManager.default.contents(atPath: path) else {
        throw WalkthroughError.malformed(file: path, line: 1, reason: "cannot read the file")
      }
      return try parse(String(decoding: data, as: UTF8.self), source: path)
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

extension WalkthroughSpec {
  /// A one-leg spec from `from` to `to` (its leg is called `route`), under `base`'s scenario and context when given.
  public static func route(from: String, to: String, under base: WalkthroughSpec?) throws -> WalkthroughSpec {
    for name in [from, to] where !InputText.isIdentifier(name) {
      throw WalkthroughError.malformed(file: "kwalk route", line: 1, reason: "'\(InputText.quoted(name))' is not a C function name")
    }
    let leg = Leg(direction: "route", entry: from, waypoints: [], exit: to, line: 1)
    return WalkthroughSpec(
      name: "route", title: "\(from) → \(to)", files: base?.files ?? [], legs: [leg],
      constraints: base?.constraints ?? [], scenario: base?.scenario ?? Scenario(), source: base?.source ?? "kwalk route")
  }
}
