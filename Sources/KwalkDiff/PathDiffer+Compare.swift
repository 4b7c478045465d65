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
      if let field = b.field ?? a.field, let to = Signature.pointerType(x), let tn = Signature.pointerType(y), to != tn {
        out.append(SignatureChange(subject: "field", name: field, old: to, new: tn))
      }
    }
    return out
  }

  /// Binding sites matched by their text (white space folded, the callee's name aside): a match in another file
  /// or holder moved; a different set of forms changed form; candidates compared as sets.
  func bindingChange(_ a: Hop, _ b: Hop) -> BindingChange? {
    guard !a.bindings.isEmpty || !b.bindings.isEmpty || a.field != nil || b.field != nil else { return nil }
    let os = a.bindings.map { site($0, hop: a, side: old) }
    let ns = b.bindings.map { site($0, hop: b, side: new) }
    func key(_ s: BindingChange.Site, _ name: String) -> String {
      BodyDiffer.replacingWord(name, with: "$", in: SourceText.foldingWhitespace(s.text))
    }
    // Match each old site to a new one with the same text, the same file and holder first.
    var moved: [String] = []
    var unused = Array(ns.indices)
    for s in os {
      let same = unused.filter { key(ns[$0], b.callee) == key(s, a.callee) }
      guard !same.isEmpty else { continue }
      let t = same.first { Self.file(ns[$0].location) == Self.file(s.location) && ns[$0].container == s.container }
        ?? same[0]
      unused.removeAll { $0 == t }
      if Self.file(s.location) != Self.file(ns[t].location) || s.container != ns[t].container {
        moved.append("\(s.location) (\(s.container ?? "?")) → \(ns[t].location) (\(ns[t].container ?? "?"))")
      }
    }
    let fo = Set(os.map { form($0, side: old) }).sorted()
    let fn = Set(ns.map { form($0, side: new) }).sorted()
    let formChanged = fo != fn && !fo.isEmpty && !fn.isEmpty
      ? "\(fo.joined(separator: ", ")) → \(fn.joined(separator: ", "))" : nil
    let gained = Set(b.candidates).subtracting(a.candidates).subtracting([a.callee]).sorted()
    let lost = Set(a.candidates).subtracting(b.candidates).subtracting([b.callee]).sorted().map {
      lostCandidate($0, field: a.field)
    }
    let fieldChanged = a.field != b.field
    guard fieldChanged || !moved.isEmpty || formChanged != nil || !gained.isEmpty || !lost.isEmpty else { return nil }
    return BindingChange(
      oldField: fieldChanged ? a.field : nil, newField: fieldChanged ? b.field : nil, old: os, new: ns, moved: moved,
      formChanged: formChanged, candidatesGained: gained, candidatesLost: lost)
  }

  /// A candidate the new index no longer binds may still be bound in a way the index does not read (a
  /// `WRITE_ONCE(dst->output, f)`): when the new tree still defines it, or the file that bound it still names it,
  /// say so rather than call it gone.
  func lostCandidate(_ name: String, field: String?) -> String {
    if new.defines(name) { return "\(name) (still defined in \(new.version); no binding found)" }
    guard let f = field.flatMap({ StructField(parsing: $0) }) else { return name }
    func has(_ word: String, _ line: String) -> Bool { BodyDiffer.replacingWord(word, with: "", in: line) != line }
    for b in old.snapshot.bindingsByField[f] ?? [] where b.functionName == name {
      guard let text = new.sources.text(b.location.path), text.lineCount > 0 else { continue }
      // The line that names both the function and the field, else any line naming the function.
      let lines = (1...text.lineCount).filter { text.line($0).contains(name) && has(name, text.line($0)) }
      let best = lines.first { has(f.field, BodyDiffer.replacingWord(name, with: "", in: text.line($0))) } ?? lines.first
      if let n = best {
        return "\(name) (no binding found in \(new.version), but \(b.location.path):\(n) still names it)"
      }
    }
    return name
  }

  /// The binding's form, with initializers run inside a function (a compound literal assigned at run time) told
  /// apart from static ones.
  func form(_ s: BindingChange.Site, side: DiffSide) -> String {
    guard s.form == "initializer", let c = s.container, side.defines(c) else { return s.form }
    return "initializer at run time"
  }

  static func file(_ location: String) -> Substring { location.prefix { $0 != ":" } }

  /// A hop's binding with its holder, found among the index's bindings at the same place.
  func site(_ b: Hop.Binding, hop: Hop, side: DiffSide) -> BindingChange.Site {
    let field = hop.field.flatMap { StructField(parsing: $0) }
    let facts = field.map { side.snapshot.bindingsByField[$0] ?? [] } ?? []
    let fact = facts.first { $0.location.path.value == b.file && $0.location.line == b.line }
    let container = fact?.container ?? (b.form == "argument" ? hop.caller : nil)
    return BindingChange.Site(
      location: "\(b.file):\(b.line)", form: b.form, container: container, text: SourceText.foldingWhitespace(b.text))
  }

  /// Guards only one side has; a removed and an added guard of the same polarity, in order, are a rename.
  static func configChange(old: [String], new: [String]) -> ConfigChange? {
    var gone = old.filter { !new.contains($0) }
    var came = new.filter { !old.contains($0) }
    var renamed: [ConfigChange.Rename] = []
    for g in gone {
      if let i = came.firstIndex(where: { $0.hasPrefix("!") == g.hasPrefix("!") }) {
        renamed.append(ConfigChange.Rename(old: g, new: came[i]))
        came.remove(at: i)
        gone.removeAll { $0 == g }
      }
    }
    guard !gone.isEmpty || !came.isEmpty || !renamed.isEmpty else { return nil }
    return ConfigChange(appeared: came, disappeared: gone, renamed: renamed)
  }

  /// Events fired at this position in one version only; moves along the path are settled per leg.
  static func tracepointChange(old: [String], new: [String]) -> TracepointChange? {
    let o = unique(old)
    let n = unique(new)
    let added = n.filter { !o.contains($0) }
    let removed = o.filter { !n.contains($0) }
    guard !added.isEmpty || !removed.isEmpty else { return nil }
    return TracepointChange(added: added, removed: removed, movedHere: [], movedAway: [])
  }

  static func unique(_ xs: [String]) -> [String] {
    var seen: Set<String> = []
    return xs.filter { seen.insert($0).inserted }
  }

  /// An event removed at one position and added at another moved between the two functions.
  static func settleTracepointMoves(_ hops: inout [HopDiff]) {
    for i in hops.indices {
      for event in hops[i].tracepoints?.removed ?? [] {
        guard let j = hops.indices.first(where: { $0 != i && hops[$0].tracepoints?.added.contains(event) == true })
        else { continue }
        let from = hops[i].old.last?.callee ?? "?"
        let to = hops[j].new.last?.callee ?? "?"
        hops[i].tracepoints?.removed.removeAll { $0 == event }
        hops[i].tracepoints?.movedAway.append("\(event) → \(to)")
        hops[j].tracepoints?.added.removeAll { $0 == event }
        hops[j].tracepoints?.movedHere.append("\(event) ← \(from)")
      }
    }
    for i in hops.indices {
      if let t = hops[i].tracepoints, t.added.isEmpty, t.removed.isEmpty, t.movedHere.isEmpty, t.movedAway.isEmpty {
        hops[i].tracepoints = nil
      }
    }
  }
}
