import Foundation
import Testing

/// Compares `text` with `Snapshots/<name>` next to this file. `RECORD_SNAPSHOTS=1` writes the file and fails the
/// test, so a recording is never mistaken for a pass; a mismatch prints the differing lines.
func assertSnapshot(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
  let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots/" + name)
  if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
    try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try? Data(text.utf8).write(to: url)
    Issue.record("recorded snapshot \(name); run again without RECORD_SNAPSHOTS", sourceLocation: sourceLocation)
    return
  }
  guard let data = FileManager.default.contents(atPath: url.path) else {
    Issue.record("no snapshot \(name): run with RECORD_SNAPSHOTS=1 to record it", sourceLocation: sourceLocation)
    return
  }
  let expected = String(decoding: data, as: UTF8.self)
  guard expected != text else { return }
  Issue.record(
    Comment(rawValue: "snapshot \(name) differs:\n\(lineDiff(expected, text))"), sourceLocation: sourceLocation)
}

/// The differing middle of two texts after their common first and last lines, as `-expected` / `+actual` lines with
/// line numbers (at most 40 of each).
func lineDiff(_ expected: String, _ actual: String) -> String {
  let a = expected.components(separatedBy: "\n")
  let b = actual.components(separatedBy: "\n")
  var head = 0
  while head < a.count, head < b.count, a[head] == b[head] { head += 1 }
  var tail = 0
  while tail < a.count - head, tail < b.count - head, a[a.count - 1 - tail] == b[b.count - 1 - tail] { tail += 1 }
  let removed = a[head..<(a.count - tail)].enumerated().prefix(40).map { "\(head + $0.offset + 1) -\($0.element)" }
  let added = b[head..<(b.count - tail)].enumerated().prefix(40).map { "\(head + $0.offset + 1) +\($0.element)" }
  return (removed + added).joined(separator: "\n")
}
