import KwalkCore
import KwalkGraph
import KwalkIndex

/// The macros a call goes through: the one written at the call site, then the macros its `#define` body uses, and
/// theirs, as far as the index knows where each is defined.
///
/// The index records one macro per call site (the one written there) with the definition libclang resolved under the
/// kernel's config. A macro used inside another's body (`INDIRECT_CALL_2` in `INDIRECT_CALL_INET`) is followed when
/// some call site of the index records it: that record names the `#define` the config compiled, which matters where a
/// macro is defined once per `#if` branch. A macro no call site records (`likely`, `typeof`-like helpers that make no
/// call themselves) is not followed.
struct MacroChain {
  /// One macro of the chain: where it is defined and which macros' bodies led to it.
  struct Link: Equatable {
    var name: String
    var definition: Hop.Place
    /// The macros from the call's own to the one whose body uses this one; empty for the call's own.
    var through: [String]
  }

  /// How deep bodies are followed; the kernel's deepest call-making chains are three or four macros.
  static let depthLimit = 8

  /// Macro name → the definition the index records for it (the most recorded one; ties by place).
  let definitions: [String: Hop.Place]

  init(snapshot: IndexSnapshot) {
    var counts: [String: [Hop.Place: Int]] = [:]
    for sites in snapshot.callsByCaller.values {
      for s in sites {
        guard let m = s.macro, let d = m.definition else { continue }
        counts[m.name, default: [:]][Hop.Place(file: d.path.value, line: d.line), default: 0] += 1
      }
    }
    definitions = counts.mapValues { places in
      places.max { a, b in
        a.value != b.value ? a.value < b.value : (a.key.file, a.key.line) > (b.key.file, b.key.line)
      }!.key
    }
  }

  /// The chain from macro `name` defined at `place`, depth first in the order each body names its macros; each macro
  /// appears once.
  func links(from name: String, at place: Hop.Place, in files: SourceFiles) -> [Link] {
    var out: [Link] = []
    var seen: Set<String> = [name]
    func visit(_ name: String, _ place: Hop.Place, _ through: [String]) {
      out.append(Link(name: name, definition: place, through: through))
      guard through.count < Self.depthLimit, let text = files.text(SourcePath(place.file)) else { return }
      for used in Self.macrosUsed(inDefinitionAt: place.line, of: name, in: text) {
        guard let d = definitions[used], seen.insert(used).inserted else { continue }
        visit(used, d, through + [name])
      }
    }
    visit(name, place, [])
    return out
  }

  /// The identifiers the replacement list of `#define name` on `line` names, in order, without its parameters.
  /// Empty when the line is not that `#define`.
  static func macrosUsed(inDefinitionAt line: Int, of name: String, in text: SourceText) -> [String] {
    var logical = ""
    var n = line
    while n <= text.lineCount {
      let l = text.line(n)
      guard l.hasSuffix("\\") else {
        logical += l
        break
      }
      logical += l.dropLast() + " "
      n += 1
    }
    let words = identifiers(in: logical)
    guard let d = words.firstIndex(where: { $0.word == "define" }), d + 1 < words.count, words[d + 1].word == name
    else { return [] }
    let bytes = Array(logical.utf8)
    var bodyStart = words[d + 1].end
    var parameters: Set<String> = []
    if bodyStart < bytes.count, bytes[bodyStart] == UInt8(ascii: "(") {
      // A function-like macro: its parameters end at the first `)`.
      let close = bytes[bodyStart...].firstIndex(of: UInt8(ascii: ")")) ?? bytes.count - 1
      parameters = Set(words.filter { $0.start > bodyStart && $0.end <= close }.map(\.word))
      bodyStart = close + 1
    }
    var seen: Set<String> = []
    return words.filter { $0.start >= bodyStart && !parameters.contains($0.word) && $0.word != name }
      .map(\.word).filter { seen.insert($0).inserted }
  }

  /// Identifiers with their byte ranges, skipping `/* … */` comments and string literals.
  static func identifiers(in s: String) -> [(word: String, start: Int, end: Int)] {
    let b = Array(s.utf8)
    var out: [(String, Int, Int)] = []
    var i = 0
    while i < b.count {
      if b[i] == UInt8(ascii: "/"), i + 1 < b.count, b[i + 1] == UInt8(ascii: "*") {
        i += 2
        while i + 1 < b.count, !(b[i] == UInt8(ascii: "*") && b[i + 1] == UInt8(ascii: "/")) { i += 1 }
        i += 2
      } else if b[i] == UInt8(ascii: "\"") {
        i += 1
        while i < b.count, b[i] != UInt8(ascii: "\"") { i += b[i] == UInt8(ascii: "\\") ? 2 : 1 }
        i += 1
      } else if SourceText.isIdentifierByte(b[i]) {
        var j = i
        while j < b.count, SourceText.isIdentifierByte(b[j]) { j += 1 }
        // A number (`0x1f`) is no identifier.
        if !(b[i] >= UInt8(ascii: "0") && b[i] <= UInt8(ascii: "9")) {
          out.append((String(decoding: b[i..<j], as: UTF8.self), i, j))
        }
        i = j
      } else {
        i += 1
      }
    }
    return out
  }
}
