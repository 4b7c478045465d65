import KwalkCore
import KwalkGraph

extension PathDiffer {
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
      let best =
        lines.first { has(f.field, BodyDiffer.replacingWord(name, with: "", in: text.line($0))) } ?? lines.first
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
}
