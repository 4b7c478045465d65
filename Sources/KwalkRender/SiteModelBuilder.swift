import KwalkAnnotate
import KwalkCore
import KwalkGraph

/// Assembles a kernel's part of the `SiteModel` from the earlier stages' values: paths, function definitions and
/// tokenized sources. Pure: the caller reads the files (see `files(touchedBy:functions:)`).
public struct SiteModelBuilder: Sendable {
  /// Every function definition the index holds.
  public var functions: [SymbolID: FunctionFact]
  /// Definitions by name, extern first, then by place.
  var byName: [String: [FunctionFact]]

  public init(functions: [SymbolID: FunctionFact]) {
    self.functions = functions
    var byName: [String: [FunctionFact]] = [:]
    for f in functions.values { byName[f.name, default: []].append(f) }
    for k in byName.keys {
      byName[k]?.sort { ($0.isStatic ? 1 : 0, $0.location) < ($1.isStatic ? 1 : 0, $1.location) }
    }
    self.byName = byName
  }

  /// The files a page shows or links to: call sites, definitions, binding sites and macro definitions.
  public func files(touchedBy paths: [PacketPath]) -> [SourcePath] {
    var files: Set<SourcePath> = []
    for p in paths {
      for h in p.hops {
        for place in [h.callsite, h.definition] + (h.macroDefinition.map { [$0] } ?? []) where !place.file.isEmpty {
          files.insert(SourcePath(place.file))
        }
        for b in h.bindings { files.insert(SourcePath(b.file)) }
        for c in h.candidates { if let d = byName[c]?.first { files.insert(d.location.path) } }
        if let caller = functions[h.callerID] { files.insert(caller.location.path) }
      }
    }
    return files.sorted()
  }

  /// The steps of one path, with excerpts from `sources` and the annotations `notes` attaches to each step.
  public func leg(
    _ path: PacketPath, sources: [SourcePath: TokenizedSource], notes: AnnotationJoin.Attachment? = nil
  ) -> SiteModel.Leg {
    let steps = path.hops.enumerated().map { i, h -> SiteModel.Step in
      var call = Self.excerpt(SourcePath(h.callsite.file), line: h.callsite.line, before: 3, after: 3, in: sources)
      // Keep the excerpt inside the calling function.
      if let c = call, let f = functions[h.callerID], f.location.path == c.path,
        (f.startLine...f.endLine).contains(c.marked)
      {
        call?.lines = max(c.lines.lowerBound, f.startLine)...min(c.lines.upperBound, f.endLine)
      }
      let bindings = h.bindings.compactMap {
        Self.excerpt(SourcePath($0.file), line: $0.line, before: 1, after: 1, in: sources)
      }
      let macro = h.macroDefinition.flatMap { Self.macroExcerpt(SourcePath($0.file), line: $0.line, in: sources) }
      let annotations = (notes.map { i < $0.steps.count ? $0.steps[i] : [] } ?? []).map(AnnotationNote.init)
      return SiteModel.Step(
        hop: h, callSite: call, bindingSites: bindings, macroDefinition: macro, annotations: annotations,
        candidateDefinitions: h.candidates.map { byName[$0]?.first?.location })
    }
    return SiteModel.Leg(path: path, steps: steps, unattached: (notes?.unattached ?? []).map(AnnotationNote.init))
  }

  /// `line` with some lines around it, clamped to the file.
  static func excerpt(
    _ path: SourcePath, line: Int, before: Int, after: Int, in sources: [SourcePath: TokenizedSource]
  ) -> Excerpt? {
    guard let text = sources[path]?.text, line >= 1, line <= text.lineCount else { return nil }
    return Excerpt(path: path, lines: max(1, line - before)...min(text.lineCount, line + after), marked: line)
  }

  /// A `#define` and its continuation lines (at most 16).
  static func macroExcerpt(_ path: SourcePath, line: Int, in sources: [SourcePath: TokenizedSource]) -> Excerpt? {
    guard let text = sources[path]?.text, line >= 1, line <= text.lineCount else { return nil }
    var end = line
    while end < text.lineCount, end - line < 15, text.line(end).hasSuffix("\\") { end += 1 }
    return Excerpt(path: path, lines: line...end, marked: line)
  }

  /// A source page's model: each identifier that names an indexed function links to its definition, when the
  /// definition's file is among `pages`. A static function of the same file wins over an extern one.
  public func sourceFile(_ source: TokenizedSource, pages: Set<SourcePath>) -> SourceFile {
    var refs: [SourceReference] = []
    for t in source.tokens where t.kind == .identifier {
      let name = source.text.text(t.offset..<(t.offset + t.length))
      guard let defs = byName[name] else { continue }
      let chosen =
        defs.first { $0.isStatic && $0.location.path == source.path } ?? defs.first { !$0.isStatic }
        ?? defs[0]
      guard pages.contains(chosen.location.path) else { continue }
      if chosen.location.path == source.path && chosen.location.line == t.line { continue }
      refs.append(SourceReference(offset: t.offset, length: t.length, target: chosen.location))
    }
    return SourceFile(source: source, references: refs)
  }

  /// Every place a step of `walkthroughs` points into, by file.
  public static func stepReferences(_ walkthroughs: [SiteModel.Walkthrough]) -> [SourcePath: [StepReference]] {
    var out: [SourcePath: Set<StepReference>] = [:]
    for w in walkthroughs {
      for leg in w.legs {
        for (i, h) in leg.path.hops.enumerated() {
          func add(_ file: String, _ line: Int, _ role: String) {
            out[SourcePath(file), default: []].insert(
              StepReference(
                walkthrough: w.spec.name, direction: leg.path.direction, step: i + 1, line: line, role: role,
                title: "\(h.caller) → \(h.callee)"))
          }
          add(h.callsite.file, h.callsite.line, "call site")
          for b in h.bindings { add(b.file, b.line, "binding") }
          if h.kind == .macro, let m = h.macroDefinition { add(m.file, m.line, "macro definition") }
        }
      }
    }
    return out.mapValues { $0.sorted() }
  }
}
