import Foundation
import KwalkGraph

extension AnnotationParser {
  /// The longest `quote` or `context`, in characters.
  static let maxQuote = 1000

  /// One `key: value` line of a front matter, its value checked as far as the line alone can tell.
  static func field(_ line: String, file: String, line n: Int) throws -> (key: String, value: String) {
    func malformed(_ reason: String) -> AnnotationError { .malformed(file: file, line: n, reason: reason) }
    if let c = InputText.firstControl(line) { throw malformed(InputText.controlReason(c)) }
    guard let colon = line.range(of: ": "), line.first?.isLetter == true else {
      throw malformed("expected 'key: value', found '\(InputText.quoted(line))'")
    }
    let key = String(line[..<colon.lowerBound])
    let value = String(line[colon.upperBound...]).trimmingCharacters(in: .whitespaces)
    guard keys.contains(key) else {
      throw malformed("unknown key '\(InputText.quoted(key))' (known: \(keys.sorted().joined(separator: ", ")))")
    }
    guard !value.isEmpty else { throw malformed("'\(key)' is empty") }
    switch key {
    case "id", "walkthrough", "direction":
      // Ids, walkthrough and leg names end up in anchors.lock, in the site's anchors and paths and in reports.
      // Which legs a walkthrough has only its spec knows (`AnnotationLegs.check`).
      guard InputText.isName(value) else {
        throw malformed("'\(key)' may hold only letters, digits, '_', '.' and '-', found '\(InputText.quoted(value))'")
      }
    case "function", "step":
      guard InputText.isIdentifier(value) else {
        throw malformed("'\(key)' must be a C function name, found '\(InputText.quoted(value))'")
      }
    case "quote", "context":
      // Anchors are compared token by token with every place in a function (quadratic), so a runaway line must
      // not reach them; real quotes and contexts are under 200 characters.
      guard value.count <= maxQuote else {
        throw malformed("'\(key)' is \(value.count) characters long; an anchor quotes at most \(maxQuote)")
      }
    default: break
    }
    return (key, value)
  }
}
