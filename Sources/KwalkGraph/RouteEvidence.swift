import KwalkCore

/// What a call edge costs a route, and why: the evidence the route finder weighs (see "How routes are ranked" in
/// docs/architecture.md). Costs are in tenths of a hop so that a guard can weigh less than a hop.
public struct RouteEvidence: Hashable, Sendable {
  /// Why the scenario rules an edge out.
  public struct Ruling: Hashable, Codable, Sendable {
    /// The scenario term (`rps`) or `family`.
    public var term: String
    /// What matched: `CONFIG_RPS around the call`, `if (skb_is_gso(skb))`, `ip_send_skb is IPv4 code`.
    public var reason: String
    /// Where it is written.
    public var file: String
    public var line: Int
  }

  public static let hop = 10
  public static let guardCost = 15
  public static let caseCost = 5
  public static let hinted = 60
  public static let errorTest = 30
  public static let exit = 60
  public static let ruledOut = 10_000

  /// The edge's cost.
  public var cost: Int
  /// The facts behind the cost beyond one hop, for a reader: `unlikely(err) at net/ipv4/ip_output.c:123`.
  public var notes: [String]
  /// Set when the scenario rules the edge out.
  public var ruling: Ruling?

  /// The cost of `edge` under `scenario`; `stops` are the functions the spec names, which no family rule removes.
  public static func of(_ edge: CallEdge, callee: String, scenario: WalkthroughSpec.Scenario, stops: Set<String>)
    -> RouteEvidence
  {
    var e = RouteEvidence(cost: hop, notes: [], ruling: nil)
    let site = edge.site
    let known = ScenarioCondition(scenario)
    for g in site.guards {
      // A condition the scenario says holds decides nothing: the call runs whenever its function does.
      if known.runs(under: g) == true { continue }
      e.cost += g.kind == .switchCase ? caseCost : guardCost
      let at = "\(g.location.path.value):\(g.location.line)"
      if (hint(g) == .unlikely && g.kind == .then) || (hint(g) == .likely && g.kind == .otherwise) {
        e.cost += hinted
        e.notes.append("only when \(describe(g)) is expected to be rare (\(at))")
      } else if g.kind == .then || g.kind == .otherwise, runsOnError(g) {
        e.cost += errorTest
        e.notes.append("only on the error test \(describe(g)) (\(at))")
      }
    }
    if site.placement == .exit {
      e.cost += exit
      e.notes.append("on an exit of \(edge.site.caller == edge.caller ? "its caller" : "the caller") reached by a jump")
    }
    if let r = ruling(edge, callee: callee, scenario: scenario, known: known, stops: stops) {
      e.cost += ruledOut
      e.ruling = r
    }
    return e
  }

  static func ruling(
    _ edge: CallEdge, callee: String, scenario: WalkthroughSpec.Scenario, known: ScenarioCondition, stops: Set<String>
  ) -> Ruling? {
    let site = edge.site
    let file = site.location.path.value
    for term in scenario.rulingOut {
      for signal in term.signals {
        switch signal {
        case .config(let symbol) where site.config.contains(symbol):
          return Ruling(term: term.name, reason: "#if \(symbol) around the call", file: file, line: site.location.line)
        case .callee(let name) where name == callee:
          return Ruling(term: term.name, reason: "the call to \(name)", file: file, line: site.location.line)
        default:
          continue
        }
      }
    }
    for g in site.guards where known.runs(under: g) == false {
      return Ruling(
        term: known.pin(namedIn: g)?.term ?? "scenario", reason: describe(g), file: g.location.path.value,
        line: g.location.line)
    }
    if let family = scenario.family, !stops.contains(callee), ScenarioTerms.family(ofFunction: callee) == family.other {
      return Ruling(
        term: "family", reason: "\(callee) is \(family.other == .ipv4 ? "IPv4" : "IPv6") code", file: file,
        line: site.location.line)
    }
    return nil
  }

  /// The guard's branch hint: `unlikely()`/`likely()` around the condition, or a static key tested as
  /// `static_branch_unlikely()`/`static_key_false()` (a feature switched off until something turns it on).
  static func hint(_ g: BranchGuard) -> BranchGuard.Hint? {
    if let h = g.hint { return h }
    for prefix in ["static_branch_unlikely(", "static_key_false(", "!static_branch_likely(", "!static_key_true("]
    where g.condition.hasPrefix(prefix) && !hasTopLevel("&&", in: g.condition) && !hasTopLevel("||", in: g.condition) {
      return .unlikely
    }
    return nil
  }

  /// `if (x)`, `else of if (x)`, `case A of switch (x)`, `loop while (x)`: a guard as a reader would say it.
  public static func describe(_ g: BranchGuard) -> String {
    switch g.kind {
    case .then: return "if (\(g.condition))"
    case .otherwise: return "else of if (\(g.condition))"
    case .switchCase:
      let parts = g.condition.components(separatedBy: " / ")
      return parts.count == 2 ? "\(parts[1]) of switch (\(parts[0]))" : "switch (\(g.condition))"
    case .loop: return "loop (\(g.condition))"
    }
  }

  /// Whether the operand at `offset` is negated: a `!` before it or before a group that holds it (each flips), or a
  /// `!=` beside it.
  static func negated(at offset: Int, length: Int, in bytes: [UInt8]) -> Bool {
    func bangBefore(_ i: Int) -> Bool {
      var j = i - 1
      while j >= 0, bytes[j] == UInt8(ascii: " ") { j -= 1 }
      return j >= 0 && bytes[j] == UInt8(ascii: "!")
    }
    var flips = bangBefore(offset) ? 1 : 0
    // Walk out through the enclosing parentheses, each possibly negated.
    var depth = 0
    var i = offset - 1
    while i >= 0 {
      if bytes[i] == UInt8(ascii: ")") { depth += 1 }
      if bytes[i] == UInt8(ascii: "(") {
        if depth == 0 {
          // An enclosing group: a call's argument list (a name before it) is not a negatable group.
          var j = i - 1
          while j >= 0, bytes[j] == UInt8(ascii: " ") { j -= 1 }
          let isCall = j >= 0 && (bytes[j] == 95 || (bytes[j] | 0x20) >= 97 && (bytes[j] | 0x20) <= 122 || (bytes[j] >= 48 && bytes[j] <= 57))
          if !isCall && bangBefore(i) { flips += 1 }
        } else {
          depth -= 1
        }
      }
      i -= 1
    }
    // `x != y` beside the operand.
    var k = offset + length
    while k < bytes.count, bytes[k] == UInt8(ascii: " ") || bytes[k] == UInt8(ascii: ")") { k += 1 }
    if k + 1 < bytes.count, bytes[k] == UInt8(ascii: "!"), bytes[k + 1] == UInt8(ascii: "=") { flips += 1 }
    var m = offset - 1
    while m >= 0, bytes[m] == UInt8(ascii: " ") || bytes[m] == UInt8(ascii: "(") { m -= 1 }
    if m >= 1, bytes[m] == UInt8(ascii: "="), bytes[m - 1] == UInt8(ascii: "!") { flips += 1 }
    return flips % 2 == 1
  }

  /// `unlikely(x)` → `x`.
  static func unwrapHint(_ c: String) -> String {
    for w in ["unlikely(", "likely("] where c.hasPrefix(w) && c.hasSuffix(")") {
      return String(c.dropFirst(w.count).dropLast())
    }
    return c
  }

  /// Whether `op` appears outside any parentheses.
  static func hasTopLevel(_ op: String, in c: String) -> Bool {
    var depth = 0
    let chars = Array(c)
    let o = Array(op)
    var i = 0
    while i < chars.count {
      if chars[i] == "(" { depth += 1 } else if chars[i] == ")" { depth -= 1 }
      if depth == 0, i + 1 < chars.count, chars[i] == o[0], chars[i + 1] == o[1] { return true }
      i += 1
    }
    return false
  }

  /// Byte offsets where `identifier` appears as a whole C token.
  static func tokenOffsets(of identifier: String, in text: String) -> [Int] {
    let bytes = Array(text.utf8)
    let id = Array(identifier.utf8)
    func isWord(_ b: UInt8) -> Bool {
      (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == 95
    }
    var out: [Int] = []
    var i = 0
    while i + id.count <= bytes.count {
      if bytes[i..<(i + id.count)].elementsEqual(id), i == 0 || !isWord(bytes[i - 1]),
        i + id.count == bytes.count || !isWord(bytes[i + id.count])
      {
        out.append(i)
        i += id.count
      } else {
        i += 1
      }
    }
    return out
  }

  /// Whether the guarded call runs only when something failed: `if (err)`, `if (ret < 0)`, `if (IS_ERR(skb))`.
  /// The kernel's habit of naming a status `err`, `ret` or `rc` is the convention relied on.
  static func runsOnError(_ g: BranchGuard) -> Bool {
    let noError = ScenarioCondition(
      pins: ["err", "error", "ret", "rc", "IS_ERR", "IS_ERR_OR_NULL"].map { .init(identifier: $0, holds: true, term: "error") })
    return noError.runs(under: g) == false && !unwrapHint(g.condition).contains("==")
  }
}
