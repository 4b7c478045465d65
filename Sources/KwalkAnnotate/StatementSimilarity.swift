/// How alike two pieces of C are, from 0 (nothing shared) to 1 (the same tokens).
///
/// The measure is a weighted token LCS, `2·w(LCS) / (w(a) + w(b))`, where identifiers, numbers and literals weigh 3
/// and punctuation weighs 1: two statements that share their names are alike even if an argument was added, while
/// `rc = f(skb);` and `ret = g(skb);`, which share only punctuation and one name, stay below the threshold.
public enum StatementSimilarity {
  /// At or above this, a statement is "clearly similar" to the quote it replaces.
  public static let threshold = 0.6
  /// Two candidates closer than this to each other are too close to choose between.
  public static let margin = 0.1

  public static func score(_ a: [String], _ b: [String]) -> Double {
    let total = weight(a) + weight(b)
    guard total > 0 else { return 0 }
    return 2 * Double(lcsWeight(a, b)) / Double(total)
  }

  static func weight(_ tokens: [String]) -> Int { tokens.reduce(0) { $0 + weight($1) } }

  static func weight(_ token: String) -> Int {
    guard let c = token.utf8.first else { return 0 }
    let word = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c == 0x5f
    return word || c == 0x22 || c == 0x27 ? 3 : 1
  }

  static func lcsWeight(_ a: [String], _ b: [String]) -> Int {
    guard !a.isEmpty, !b.isEmpty else { return 0 }
    var previous = [Int](repeating: 0, count: b.count + 1)
    var current = previous
    for i in 1...a.count {
      for j in 1...b.count {
        current[j] =
          a[i - 1] == b[j - 1] ? previous[j - 1] + weight(a[i - 1]) : Swift.max(previous[j], current[j - 1])
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }

  /// The part of `run` most similar to `quote`: the whole run, or a balanced span of about the quote's length that
  /// starts at a name (a quote may be the call inside an `if`, and the statement may have gained a condition around it).
  public static func bestSpan(of quote: [String], in run: [CTokens.Token]) -> (score: Double, range: Range<Int>) {
    let texts = run.map(\.text)
    var best = (score: score(quote, texts), range: 0..<run.count)
    let n = quote.count
    let shortest = max(1, n - n / 3)
    let longest = n + n / 3 + 3
    for start in run.indices where weight(texts[start]) == 3 {
      for length in shortest...longest where start + length < run.count {
        let span = Array(texts[start..<(start + length)])
        guard isBalanced(span) else { continue }
        let s = score(quote, span)
        if s > best.score { best = (s, start..<(start + length)) }
      }
    }
    return best
  }

  /// Parentheses close in order and none is left open: a span is a whole expression, not a cut through one.
  static func isBalanced(_ tokens: [String]) -> Bool {
    var depth = 0
    for t in tokens {
      if t == "(" { depth += 1 }
      if t == ")" {
        depth -= 1
        if depth < 0 { return false }
      }
    }
    return depth == 0
  }

  /// Splits tokens into statements at `;`, `{` and `}` (a `;` stays with its statement; braces are dropped).
  public static func statements(_ tokens: [CTokens.Token]) -> [[CTokens.Token]] {
    var out: [[CTokens.Token]] = []
    var current: [CTokens.Token] = []
    for t in tokens {
      switch t.text {
      case ";":
        current.append(t)
        out.append(current)
        current = []
      case "{", "}":
        if !current.isEmpty { out.append(current) }
        current = []
      default: current.append(t)
      }
    }
    if !current.isEmpty { out.append(current) }
    return out
  }
}
