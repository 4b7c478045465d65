import KwalkCore
import KwalkGraph

extension PathDiffer {
  /// Everything that differs at one aligned position. The hops compared for kind, binding and config are the
  /// ones into the function both versions share (the first of a split or merged pair).
  func compare(_ e: HopAlignment.Entry, _ o: [Hop], _ n: [Hop]) -> HopDiff {
    let oh = e.old.map { o[$0] }
    let nh = e.new.map { n[$0] }
    var d = HopDiff(relation: e.relation, old: oh.map(Self.ref), new: nh.map(Self.ref))
    d.tracepoints = Self.tracepointChange(old: oh.flatMap(\.tracepoints), new: nh.flatMap(\.tracepoints))
    guard let a = oh.first, let b = nh.first else { return d }
    d.kind = Self.kindChange(a, b)
    d.signatures = signatures(a, b)
    d.binding = bindingChange(a, b)
    d.config = Self.configChange(old: a.config, new: b.config)
    d.macroConfigs = macroConfigChanges(a, b)
    // Where the body went: a split's new helper holds the old function's body; a merged function holds the old
    // helper's.
    let (fo, fn): (Hop, Hop) =
      switch e.relation {
      case .split: (a, nh[nh.count - 1])
      case .merged: (oh[oh.count - 1], b)
      default: (a, b)
      }
    if let x = old.callee(fo), let y = new.callee(fn) {
      d.body = bodies.diff(x, y, oldPath: pathLines(o, from: x), newPath: pathLines(n, from: y))
    }
    return d
  }

  static func ref(_ h: Hop) -> HopRef {
    HopRef(
      caller: h.caller, callee: h.callee, kind: h.kind.rawValue, via: h.via,
      callsite: "\(h.callsite.file):\(h.callsite.line)", definition: "\(h.definition.file):\(h.definition.line)")
  }

  /// `macro via INDIRECT_CALL_INET`; a pointer expression that is merely written differently is not a change of
  /// kind, a different macro is.
  static func kindChange(_ a: Hop, _ b: Hop) -> KindChange? {
    func key(_ h: Hop) -> String { h.kind == .macro ? "macro \(h.via ?? "")" : h.kind.rawValue }
    func text(_ h: Hop) -> String { h.via.map { "\(h.kind.rawValue) via \($0)" } ?? h.kind.rawValue }
    return key(a) == key(b) ? nil : KindChange(old: text(a), new: text(b))
  }

  /// The callee's signature (storage words aside, its name aside for renames) and, for a hop through a struct
  /// field, the field's type as the function it reaches implies it.
  func signatures(_ a: Hop, _ b: Hop) -> [SignatureChange] {
    guard let x = old.callee(a), let y = new.callee(b) else { return [] }
    var out: [SignatureChange] = []
    let so = Signature.core(x.signature)
    let sn = Signature.core(y.signature)
    if BodyDiffer.replacingWord(x.name, with: "$", in: so) != BodyDiffer.replacingWord(y.name, with: "$", in: sn) {
      out.append(SignatureChange(subject: "function", name: y.name, old: so, new: sn))
      if let field = b.field ?? a.field, let to = Signature.pointerType(x), let tn = Signature.pointerType(y),
        to != tn
      {
        out.append(SignatureChange(subject: "field", name: field, old: to, new: tn))
      }
    }
    return out
  }
}
