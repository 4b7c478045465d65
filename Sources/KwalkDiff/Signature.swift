import Foundation
import KwalkCore

/// Reads the type out of a signature as `FunctionFact.signature` writes it.
enum Signature {
  /// Words before the return type that say how a function is stored or compiled, not what type it has.
  static let storageWords: Set<String> = [
    "static", "inline", "__always_inline", "extern", "noinline", "notrace", "__init", "__inline", "__inline__",
    "INDIRECT_CALLABLE_SCOPE", "__weak", "__cold", "__hot", "__latent_entropy", "asmlinkage",
  ]

  /// The signature without leading storage words: `static inline int f(int a)` → `int f(int a)`.
  static func core(_ signature: String) -> String {
    var words = SourceText.foldingWhitespace(signature).split(separator: " ").map(String.init)
    while let w = words.first, storageWords.contains(w) { words.removeFirst() }
    return words.joined(separator: " ")
  }

  /// The type of a pointer to the function: `int ip_output(struct net *net, struct sk_buff *skb)` →
  /// `int (*)(struct net *, struct sk_buff *)`. Nil when the signature cannot be read.
  static func pointerType(_ f: FunctionFact) -> String? {
    let sig = core(f.signature)
    guard let nameRange = sig.range(of: f.name + "("), let close = sig.lastIndex(of: ")") else { return nil }
    let result = sig[..<nameRange.lowerBound].trimmingCharacters(in: .whitespaces)
    let inside = String(sig[nameRange.upperBound..<close])
    var params: [String] = []
    var depth = 0
    var current = ""
    for ch in inside {
      if ch == "(" { depth += 1 }
      if ch == ")" { depth -= 1 }
      if ch == "," && depth == 0 {
        params.append(current)
        current = ""
      } else {
        current.append(ch)
      }
    }
    if !current.trimmingCharacters(in: .whitespaces).isEmpty { params.append(current) }
    let types = params.enumerated().map { i, p -> String in
      let name = i < f.parameters.count ? f.parameters[i] : ""
      return SourceText.foldingWhitespace(removingLast(word: name, in: p))
    }
    return "\(result) (*)(\(types.joined(separator: ", ")))"
  }

  /// `p` without the last whole-word occurrence of `word`: the parameter's name, not a type named alike
  /// (`struct net *net`).
  static func removingLast(word: String, in p: String) -> String {
    guard !word.isEmpty else { return p }
    var end = p.endIndex
    while let r = p.range(of: word, options: .backwards, range: p.startIndex..<end) {
      let before = r.lowerBound == p.startIndex ? nil : p[p.index(before: r.lowerBound)]
      let after = r.upperBound == p.endIndex ? nil : p[r.upperBound]
      let isIdent: (Character?) -> Bool = { c in c.map { $0.isLetter || $0.isNumber || $0 == "_" } ?? false }
      if !isIdent(before) && !isIdent(after) { return p.replacingCharacters(in: r, with: "") }
      end = r.lowerBound
    }
    return p
  }
}
