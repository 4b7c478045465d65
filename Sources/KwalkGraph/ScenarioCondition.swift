import KwalkCore

/// What a scenario says about a branch condition, read as C reads it: the condition is split at its top-level `||`
/// and `&&` (in that order of precedence), under `!`, parentheses and `likely()`/`unlikely()`, down to operands. An
/// operand naming an identifier a scenario signal pins has a known value; any other is unknown. Known values then
/// decide the whole as far as three-valued logic allows: `(flags & MSG_FASTOPEN || defer_connect) && !tp->repair` is
/// false under `fastopen` although `tp->repair` is unknown, while `(len > mtu && !skb_is_gso(skb)) || allfrag` stays
/// unknown under `gso`.
public struct ScenarioCondition: Sendable {
  /// An identifier a scenario pins: code that runs only when a condition naming it holds (`holds: true`) or fails
  /// (`false`) cannot run in the scenario.
  public struct Pin: Hashable, Sendable {
    public var identifier: String
    public var holds: Bool
    /// The scenario term it comes from.
    public var term: String

    public init(identifier: String, holds: Bool, term: String) {
      self.identifier = identifier
      self.holds = holds
      self.term = term
    }
  }

  public var pins: [Pin]

  public init(pins: [Pin]) { self.pins = pins }

  /// The pins of every condition signal of `scenario`'s terms.
  public init(_ scenario: WalkthroughSpec.Scenario) {
    pins = scenario.rulingOut.flatMap { term in
      term.signals.compactMap { signal in
        guard case .condition(let identifier, let holds) = signal else { return nil }
        return Pin(identifier: identifier, holds: holds, term: term.name)
      }
    }
  }

  /// Whether the code under `g` runs in the scenario: true when the guard decides nothing (its branch is always
  /// taken), false when it cannot run, nil when the scenario does not say. A `switch` case is never decided.
  public func runs(under g: BranchGuard) -> Bool? {
    switch g.kind {
    case .then, .loop: return value(of: g.condition)
    case .otherwise: return value(of: g.condition).map(!)
    case .switchCase: return nil
    }
  }

  /// The first pin named in `g`'s condition: the term to blame when the scenario rules the guard's code out.
  public func pin(namedIn g: BranchGuard) -> Pin? {
    pins.first { !RouteEvidence.tokenOffsets(of: $0.identifier, in: g.condition).isEmpty }
  }

  /// The value of the C condition `text` in the scenario, nil when unknown.
  public func value(of text: String) -> Bool? {
    var t = Self.trimmed(Substring(text))
    // Wrappers that do not change the value: a hint, or parentheses around the whole.
    while true {
      if let inner = Self.unwrap(t, prefix: "unlikely(") ?? Self.unwrap(t, prefix: "likely(") ?? Self.unwrap(t, prefix: "(") {
        t = Self.trimmed(inner)
      } else {
        break
      }
    }
    let ors = Self.split(t, at: "||")
    if ors.count > 1 {
      let values = ors.map { value(of: String($0)) }
      if values.contains(true) { return true }
      return values.allSatisfy { $0 == false } ? false : nil
    }
    let ands = Self.split(t, at: "&&")
    if ands.count > 1 {
      let values = ands.map { value(of: String($0)) }
      if values.contains(false) { return false }
      return values.allSatisfy { $0 == true } ? true : nil
    }
    if t.hasPrefix("!") && !t.hasPrefix("!=") {
      return value(of: String(t.dropFirst())).map(!)
    }
    return operand(String(t))
  }

  /// The value of an operand with no `&&`/`||` of its own: what the pins naming it say, unless they disagree. A
  /// `!=` beside the identifier (`sk->sk_state != TCP_ESTABLISHED`) flips it.
  func operand(_ text: String) -> Bool? {
    let bytes = Array(text.utf8)
    var result: Bool?
    for pin in pins {
      for offset in RouteEvidence.tokenOffsets(of: pin.identifier, in: text) {
        let flipped = RouteEvidence.negated(at: offset, length: pin.identifier.utf8.count, in: bytes)
        // The operand, as written, holding is what the pin rules out.
        let v = flipped ? pin.holds : !pin.holds
        if let r = result, r != v { return nil }
        result = v
      }
    }
    return result
  }

  /// `t` without the spaces around it.
  static func trimmed(_ t: Substring) -> Substring {
    guard let first = t.firstIndex(where: { $0 != " " }), let last = t.lastIndex(where: { $0 != " " }) else { return "" }
    return t[first...last]
  }

  /// `t` without `prefix` and the `)` that closes it, when that `)` ends `t`.
  static func unwrap(_ t: Substring, prefix: String) -> Substring? {
    guard t.hasPrefix(prefix), t.hasSuffix(")") else { return nil }
    var depth = 0
    for (i, c) in zip(t.indices, t) {
      if c == "(" { depth += 1 }
      if c == ")" {
        depth -= 1
        if depth == 0 { return t.index(after: i) == t.endIndex ? t[t.index(t.startIndex, offsetBy: prefix.count)..<i] : nil }
      }
    }
    return nil
  }

  /// `t` split at `op` where it stands outside every parenthesis.
  static func split(_ t: Substring, at op: String) -> [Substring] {
    var parts: [Substring] = []
    var depth = 0
    var start = t.startIndex
    var i = t.startIndex
    let first = op.first!
    while i < t.endIndex {
      let c = t[i]
      if c == "(" || c == "[" { depth += 1 } else if c == ")" || c == "]" { depth -= 1 }
      if depth == 0, c == first, t[i...].hasPrefix(op) {
        parts.append(t[start..<i])
        i = t.index(i, offsetBy: op.count)
        start = i
        continue
      }
      i = t.index(after: i)
    }
    parts.append(t[start...])
    return parts
  }
}
