/// One aligned position of two paths: the hops each version has there and everything that changed about them.
public struct HopDiff: Hashable, Codable, Sendable {
  /// How the hops correspond.
  public var relation: HopRelation
  /// The old version's hops here (none when added; two when merged).
  public var old: [HopRef]
  /// The new version's hops here (none when removed; two when split).
  public var new: [HopRef]
  /// The way the callee is reached changed (direct → inline, pointer → INDIRECT_CALL macro, …).
  public var kind: KindChange?
  /// Signatures that changed: the callee's, and with it the pointer field's type it is called through.
  public var signatures: [SignatureChange]
  /// Binding sites and candidates of a pointer hop.
  public var binding: BindingChange?
  /// Tracepoints the callee fires.
  public var tracepoints: TracepointChange?
  /// Config guards around the call.
  public var config: ConfigChange?
  /// Config guards around the `#define` of each macro the call goes through (the call's own, then those its body
  /// uses), one entry per macro whose guards changed.
  public var macroConfigs: [MacroConfigChange] = []
  /// The callee's body.
  public var body: BodyDiff?

  public init(
    relation: HopRelation, old: [HopRef], new: [HopRef], kind: KindChange? = nil, signatures: [SignatureChange] = [],
    binding: BindingChange? = nil, tracepoints: TracepointChange? = nil, config: ConfigChange? = nil,
    body: BodyDiff? = nil
  ) {
    self.relation = relation
    self.old = old
    self.new = new
    self.kind = kind
    self.signatures = signatures
    self.binding = binding
    self.tracepoints = tracepoints
    self.config = config
    self.body = body
  }

  /// True when anything about this position differs between the versions.
  public var isChanged: Bool {
    relation != .same || kind != nil || !signatures.isEmpty || binding != nil || tracepoints != nil || config != nil
      || !macroConfigs.isEmpty || body != nil
  }

  /// The callee a link to this position names: the new version's first, else the old one's.
  public var anchorCallee: String { (new.first ?? old.first)?.callee ?? "" }

  /// `old → new` callee names for headings.
  public var title: String {
    let o = old.map(\.callee).joined(separator: " + ")
    let n = new.map(\.callee).joined(separator: " + ")
    switch relation {
    case .same: return n
    case .added: return n
    case .removed: return o
    default: return "\(o) → \(n)"
    }
  }
}
