import KwalkCore

/// A compact text form for argument lists, cheaper than JSON for hundreds of thousands of rows:
/// `f<usr> <name>`, `p<index>`, `e<enumerator>`, `o`, separated by `|`.
enum ArgumentCoding {
  static func encode(_ arguments: [ArgumentFact]) -> String {
    arguments.map { a -> String in
      switch a {
      case .function(let id, let name): return "f\(id.usr) \(name)"
      case .parameter(let i): return "p\(i)"
      case .enumConstant(let e): return "e\(e)"
      case .other: return "o"
      }
    }.joined(separator: "|")
  }

  static func decode(_ text: String) -> [ArgumentFact] {
    guard !text.isEmpty else { return [] }
    return text.split(separator: "|", omittingEmptySubsequences: false).map { part -> ArgumentFact in
      guard let tag = part.first else { return .other }
      let rest = part.dropFirst()
      switch tag {
      case "f":
        let pieces = rest.split(separator: " ", maxSplits: 1)
        guard pieces.count == 2 else { return .other }
        return .function(SymbolID(String(pieces[0])), name: String(pieces[1]))
      case "p": return Int(rest).map { .parameter(index: $0) } ?? .other
      case "e": return .enumConstant(String(rest))
      default: return .other
      }
    }
  }
}
