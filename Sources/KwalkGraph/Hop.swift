import Foundation
import KwalkCore

/// One step of a walkthrough: a caller handing the packet (or the work) to a callee.
public struct Hop: Hashable, Codable, Sendable {
  /// A file and line.
  public struct Place: Hashable, Codable, Sendable {
    public var file: String
    public var line: Int

    public init(file: String, line: Int) {
      self.file = file
      self.line = line
    }
  }

  /// A binding site as shown to a reader.
  public struct Binding: Hashable, Codable, Sendable {
    public var file: String
    public var line: Int
    public var text: String
    /// initializer | assignment | registration | argument
    public var form: String
    /// The variable initialized (`loopback_ops`) or the registering function (`open_softirq`).
    public var container: String? = nil
  }

  public var caller: String
  public var callee: String
  public var kind: EdgeKind
  public var callsite: Place
  public var definition: Place
  /// The macro (`INDIRECT_CALL_INET`) or the pointer expression (`ops->ndo_start_xmit`).
  public var via: String?
  /// The call as written.
  public var expression: String
  /// The struct field read, for pointer hops.
  public var field: String?
  /// Where the macro is defined, for macro hops.
  public var macroDefinition: Place?
  public var bindings: [Binding]
  /// Other functions the call could reach.
  public var candidates: [String]
  /// Config conditions around the call.
  public var config: [String]
  /// Tracepoints the callee fires, in source order (`net:net_dev_queue`).
  public var tracepoints: [String]
  /// Why a context constraint picked this callee, when one did.
  public var context: String?
  /// Identity of the caller and callee (not in the JSON schema; used by later stages).
  public var callerID: SymbolID
  public var calleeID: SymbolID
  /// The call site with its column (not in the JSON schema).
  public var callsiteLocation: SourceLocation?

  enum CodingKeys: String, CodingKey {
    case caller, callee, kind, callsite, definition, via, bindings, candidates, config, tracepoints
  }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    caller = try c.decode(String.self, forKey: .caller)
    callee = try c.decode(String.self, forKey: .callee)
    kind = try c.decode(EdgeKind.self, forKey: .kind)
    callsite = try c.decode(Place.self, forKey: .callsite)
    definition = try c.decode(Place.self, forKey: .definition)
    via = try c.decodeIfPresent(String.self, forKey: .via)
    bindings = try c.decode([Binding].self, forKey: .bindings)
    candidates = try c.decode([String].self, forKey: .candidates)
    config = try c.decode([String].self, forKey: .config)
    tracepoints = try c.decode([String].self, forKey: .tracepoints)
    expression = ""
    callerID = SymbolID(caller)
    calleeID = SymbolID(callee)
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(caller, forKey: .caller)
    try c.encode(callee, forKey: .callee)
    try c.encode(kind, forKey: .kind)
    try c.encode(callsite, forKey: .callsite)
    try c.encode(definition, forKey: .definition)
    try c.encode(via, forKey: .via)
    try c.encode(bindings, forKey: .bindings)
    try c.encode(candidates, forKey: .candidates)
    try c.encode(config, forKey: .config)
    try c.encode(tracepoints, forKey: .tracepoints)
  }

  init(edge: CallEdge, graph: CallGraph, context: String?) {
    let calleeFact = graph.function(edge.callee)
    caller = graph.name(edge.caller)
    callee = calleeFact?.name ?? edge.bindings.first?.functionName ?? graph.name(edge.callee)
    kind = edge.kind
    callsite = Place(file: edge.site.location.path.value, line: edge.site.location.line)
    definition = Place(file: calleeFact?.location.path.value ?? "", line: calleeFact?.location.line ?? 0)
    expression = edge.site.expression
    switch edge.kind {
    case .macro: via = edge.site.macro?.name
    case .pointer, .softirq: via = Self.pointerExpression(edge.site.expression)
    default: via = nil
    }
    field = edge.field?.description
    macroDefinition = edge.site.macro?.definition.map { Place(file: $0.path.value, line: $0.line) }
    bindings = edge.bindings.map {
      Binding(
        file: $0.location.path.value, line: $0.location.line, text: $0.text, form: $0.form.rawValue,
        container: $0.container)
    }
    candidates = edge.candidates
    config = edge.site.config
    tracepoints = (graph.snapshot.tracepointsByCaller[edge.callee] ?? []).map { "\($0.system):\($0.event)" }
    self.context = context
    callerID = edge.caller
    calleeID = edge.callee
    callsiteLocation = edge.site.location
  }

  /// `ops->ndo_start_xmit(skb, dev)` → `ops->ndo_start_xmit`; `READ_ONCE(sk->sk_data_ready)(sk)` →
  /// `READ_ONCE(sk->sk_data_ready)`: the expression without its final argument list.
  static func pointerExpression(_ expression: String) -> String {
    let chars = Array(expression)
    guard chars.last == ")" else { return expression }
    var depth = 0
    for i in stride(from: chars.count - 1, through: 0, by: -1) {
      if chars[i] == ")" { depth += 1 }
      if chars[i] == "(" {
        depth -= 1
        if depth == 0 { return i > 0 ? String(chars[..<i]).trimmingCharacters(in: .whitespaces) : expression }
      }
    }
    return expression
  }
}
