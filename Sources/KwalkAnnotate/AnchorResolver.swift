import KwalkCore
import KwalkIndex

/// Places annotations in one kernel: finds each anchor's function in the index and its quote in the function's
/// source, and classifies the result. It never picks one of several equally good places.
public struct AnchorResolver {
  public let snapshot: IndexSnapshot
  public let record: AnchorRecord
  /// Reads a tree-relative file of this kernel.
  let source: (SourcePath) -> SourceText?

  public init(snapshot: IndexSnapshot, record: AnchorRecord, source: @escaping (SourcePath) -> SourceText?) {
    self.snapshot = snapshot
    self.record = record
    self.source = source
  }

  /// The body of one definition as tokens.
  struct Body {
    var function: FunctionFact
    var tokens: [CTokens.Token]
  }

  public func resolve(_ annotations: [Annotation]) -> [ResolvedAnnotation] { annotations.map(resolve) }

  public func resolve(_ a: Annotation) -> ResolvedAnnotation {
    let recorded = record.locations[a.id]
    guard let name = a.function else {
      return ResolvedAnnotation(annotation: a, status: .exact, detail: "overview of \(a.walkthrough); not anchored")
    }
    let bodies: [Body] = snapshot.functions(named: name).compactMap { f in
      guard let text = source(f.location.path), f.endLine >= f.startLine else { return nil }
      let lines = (f.startLine...f.endLine).map { text.line($0) }.joined(separator: "\n")
      return Body(function: f, tokens: CTokens(lines, firstLine: f.startLine).tokens)
    }
    guard !bodies.isEmpty else {
      return ResolvedAnnotation(
        annotation: a, status: .orphaned, recorded: recorded, detail: "function \(name) is not defined in this kernel",
        functionDefined: false)
    }
    guard let quote = a.quote else {
      guard bodies.count == 1 else {
        return ResolvedAnnotation(
          annotation: a, status: .ambiguous, recorded: recorded,
          detail: "\(name) is defined \(bodies.count) times (\(places(bodies))): add a quote")
      }
      let f = bodies[0].function
      let at = SourceLocation(path: f.location.path, line: f.location.line)
      return placed(a, at: at, lines: f.startLine...f.endLine, recorded: recorded, what: "function \(name)")
    }
    let q = CTokens(quote).texts
    var hits: [(Body, Int)] = bodies.flatMap { b in b.tokens.map(\.text).occurrences(of: q).map { (b, $0) } }
    if hits.count > 1, let context = a.context {
      let c = CTokens(context).texts
      let offset = c.occurrences(of: q).first ?? 0
      let inContext = bodies.flatMap { b in b.tokens.map(\.text).occurrences(of: c).map { (b, $0 + offset) } }
      if !inContext.isEmpty { hits = inContext }
    }
    if hits.count == 1 {
      let (body, start) = hits[0]
      let first = body.tokens[start].line
      let last = body.tokens[start + q.count - 1].line
      let at = SourceLocation(path: body.function.location.path, line: first)
      return placed(a, at: at, lines: first...last, recorded: recorded, what: "quote in \(name)")
    }
    if hits.count > 1 {
      let lines = hits.map { "\($0.0.function.location.path):\($0.0.tokens[$0.1].line)" }
      return ResolvedAnnotation(
        annotation: a, status: .ambiguous, recorded: recorded,
        detail: "quote occurs \(hits.count) times in \(name) (\(lines.joined(separator: ", "))): "
          + (a.context == nil ? "add a context" : "the context no longer singles one out"))
    }
    return similar(a, quote: q, bodies: bodies, recorded: recorded)
  }

  /// The quote is gone: look for one clearly similar run of statements.
  func similar(_ a: Annotation, quote: [String], bodies: [Body], recorded: SourceLocation?) -> ResolvedAnnotation {
    let want = max(1, StatementSimilarity.statements(CTokens(a.quote ?? "").tokens).count)
    var scored: [(score: Double, body: Body, tokens: [CTokens.Token])] = []
    for b in bodies {
      let statements = StatementSimilarity.statements(b.tokens)
      guard statements.count >= want else { continue }
      for i in 0...(statements.count - want) {
        let run = Array(statements[i..<(i + want)].joined())
        let best = StatementSimilarity.bestSpan(of: quote, in: run)
        scored.append((best.score, b, Array(run[best.range])))
      }
    }
    scored.sort { $0.score > $1.score }
    guard let best = scored.first, best.score >= StatementSimilarity.threshold else {
      let s = scored.first?.score ?? 0
      return ResolvedAnnotation(
        annotation: a, status: .orphaned, similarity: s, recorded: recorded,
        detail: "quote not found in \(a.function!); the most similar statement scores \(format(s)) "
          + "(< \(format(StatementSimilarity.threshold)))")
    }
    let rivals = scored.dropFirst().filter {
      $0.score >= StatementSimilarity.threshold && best.score - $0.score < StatementSimilarity.margin
    }
    if let rival = rivals.first {
      return ResolvedAnnotation(
        annotation: a, status: .ambiguous, similarity: best.score, recorded: recorded,
        detail: "quote not found; \(rivals.count + 1) statements are about as similar "
          + "(\(place(best.body, best.tokens)) \(format(best.score)), \(place(rival.body, rival.tokens)) "
          + "\(format(rival.score))): update the quote")
    }
    let first = best.tokens.first!.line
    let last = best.tokens.last!.line
    return ResolvedAnnotation(
      annotation: a, status: .changed, location: SourceLocation(path: best.body.function.location.path, line: first),
      lines: first...last, foundText: best.tokens.map(\.text).joined(separator: " "), similarity: best.score,
      recorded: recorded, detail: "quote reworded; similarity \(format(best.score))")
  }

  func placed(
    _ a: Annotation, at: SourceLocation, lines: ClosedRange<Int>, recorded: SourceLocation?, what: String
  ) -> ResolvedAnnotation {
    let status: AnchorStatus
    let detail: String
    if let recorded, recorded.path != at.path || recorded.line != at.line {
      status = .moved
      detail = "\(what) found; recorded at \(recorded.path):\(recorded.line)"
    } else {
      status = .exact
      detail = recorded == nil ? "\(what) found; no recorded place to compare" : "\(what) found where recorded"
    }
    return ResolvedAnnotation(annotation: a, status: status, location: at, lines: lines, recorded: recorded, detail: detail)
  }

  func places(_ bodies: [Body]) -> String {
    bodies.map { "\($0.function.location.path):\($0.function.location.line)" }.joined(separator: ", ")
  }

  func place(_ b: Body, _ tokens: [CTokens.Token]) -> String { "\(b.function.location.path):\(tokens.first!.line)" }

  func format(_ x: Double) -> String {
    let hundredths = Int((x * 100).rounded())
    return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
  }
}
