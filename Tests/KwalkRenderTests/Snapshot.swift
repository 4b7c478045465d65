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
  Issue.record(Comment(rawValue: "snapshot \(name) differs:\n\(lineDiff(expected, text))"), sourceLocation: sourceLocation)
}

/// The lines that differ, as `-expected` / `+actual` pairs with line numbers (first 40).
func lineDiff(_ expected: String, _ actual: String) -> String {
  let a = expected.components(separatedBy: "\n")
  let b = actual.components(separatedBy: "\n")
  var out: [String] = []
  for i in 0..<max(a.count, b.count) where (i < a.count ? a[i] : nil) != (i < b.count ? b[i] : nil) {
    if i < a.count { out.append("\(i + 1) -\(a[i])") }
    if i < b.count { out.append("\(i + 1) +\(b[i])") }
    if out.count >= 40 { break }
  }
  return out.joined(separator: "\n")
}
