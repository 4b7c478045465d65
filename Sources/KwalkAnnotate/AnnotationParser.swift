import Foundation
import KwalkGraph

/// Reads annotation files: blocks of `---` front matter `---` body, one after another (Annotations/README.md).
public enum AnnotationParser {
  /// The keys a front matter may hold.
  static let keys: Set<String> = ["id", "walkthrough", "direction", "function", "quote", "context", "step", "kernels"]
  /// The direction of a note shown at the top of its walkthrough rather than on a leg.
  public static let overview = "overview"

  /// Parses the annotations of one file; `file` is the name used in errors and in `Annotation.file`. Lines are
  /// numbered as an editor shows them (`InputText.lines`), and every error quotes input through `InputText.quoted`.
  public static func parse(_ text: String, file: String) throws -> [Annotation] {
    do {
      return try parse(lines: InputText.lines(text), file: file)
    } catch AnnotationError.malformed(let file, let line, let reason) {
      // The file's name is input too: escaped, it cannot break the error's one line either.
      throw AnnotationError.malformed(file: InputText.fileName(file), line: line, reason: reason)
    }
  }

  static func parse(lines: [String], file: String) throws -> [Annotation] {
    var out: [Annotation] = []
    var i = 0
    while i < lines.count, lines[i].trimmingCharacters(in: .whitespaces).isEmpty { i += 1 }
    while i < lines.count {
      guard lines[i] == "---" else {
        throw AnnotationError.malformed(file: file, line: i + 1, reason: "expected '---' to open a front matter")
      }
      let start = i + 1
      i += 1
      var fields: [String: String] = [:]
      var keyLines: [String: Int] = [:]
      while i < lines.count, lines[i] != "---" {
        let (key, value) = try field(lines[i], file: file, line: i + 1)
        guard fields[key] == nil else {
          throw AnnotationError.malformed(file: file, line: i + 1, reason: "key '\(key)' appears twice")
        }
        fields[key] = value
        keyLines[key] = i + 1
        i += 1
      }
      guard i < lines.count else {
        throw AnnotationError.malformed(file: file, line: start, reason: "front matter is not closed by '---'")
      }
      i += 1
      var body: [String] = []
      while i < lines.count, lines[i] != "---" {
        body.append(lines[i])
        i += 1
      }
      var note = try annotation(fields, body: body, file: file, line: start)
      note.keyLines = keyLines
      out.append(note)
    }
    return out
  }

  static func annotation(_ f: [String: String], body: [String], file: String, line: Int) throws -> Annotation {
    func require(_ key: String) throws -> String {
      guard let v = f[key] else { throw AnnotationError.malformed(file: file, line: line, reason: "missing '\(key)'") }
      return v
    }
    let id = try require("id")
    let walkthrough = try require("walkthrough")
    let direction = try require("direction")
    if direction != overview, f["function"] == nil {
      throw AnnotationError.malformed(
        file: file, line: line, reason: "missing 'function' (only an overview may omit it)")
    }
    if f["context"] != nil, f["quote"] == nil {
      throw AnnotationError.malformed(file: file, line: line, reason: "'context' needs a 'quote'")
    }
    if let q = f["quote"], let c = f["context"],
      !CTokens(c).texts.containsSubsequence(CTokens(q).texts)
    {
      throw AnnotationError.malformed(file: file, line: line, reason: "'context' does not contain the quote")
    }
    let text = body.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    guard !text.isEmpty else { throw AnnotationError.malformed(file: file, line: line, reason: "the body is empty") }
    var annotation = Annotation(
      id: id, walkthrough: walkthrough, direction: direction, function: f["function"], quote: f["quote"],
      context: f["context"], body: text, file: file, line: line)
    annotation.step = f["step"]
    if let k = f["kernels"] {
      guard let range = KernelRange(k) else {
        throw AnnotationError.malformed(
          file: file, line: line, reason: "'kernels: \(k)' is not a range of series such as 5.12-, -7.1 or 6.1-6.12")
      }
      annotation.kernels = range
    }
    return annotation
  }

  /// Every `*.md` file under `directory` except READMEs, sorted by path; ids must be unique across them.
  public static func loadAll(from directory: String) throws -> [Annotation] {
    let fm = FileManager.default
    guard let walker = fm.enumerator(atPath: directory) else { throw AnnotationError.unreadable(directory) }
    let files = walker.compactMap { $0 as? String }.filter {
      $0.hasSuffix(".md") && !$0.hasSuffix("README.md") && !$0.hasPrefix("walkthroughs/")
    }.sorted()
    var all: [Annotation] = []
    var seen: [String: String] = [:]
    for file in files {
      guard let text = fm.contents(atPath: directory + "/" + file).map({ String(decoding: $0, as: UTF8.self) }) else {
        throw AnnotationError.unreadable(directory + "/" + file)
      }
      for a in try parse(text, file: file) {
        if let first = seen[a.id] { throw AnnotationError.duplicateID(a.id, file: a.file, line: a.line, first: first) }
        seen[a.id] = a.origin
        all.append(a)
      }
    }
    return all
  }
}
