import Foundation
import KwalkCore
import KwalkGraph

/// Where each anchor was found when last recorded (`kwalk check --record`), kept in `Annotations/anchors.lock`.
/// It is what tells `exact` from `moved`.
public struct AnchorRecord: Equatable, Sendable {
  /// The recorded place of each annotation id.
  public var locations: [String: SourceLocation]
  /// The kernel the record was taken from.
  public var kernel: String

  public init(locations: [String: SourceLocation] = [:], kernel: String = "") {
    self.locations = locations
    self.kernel = kernel
  }

  public static let fileName = "anchors.lock"

  /// Reads `path`; an absent file is an empty record. Errors name `path`.
  public static func load(from path: String) throws -> AnchorRecord {
    guard let data = FileManager.default.contents(atPath: path) else { return AnchorRecord() }
    return try parse(String(decoding: data, as: UTF8.self), file: path)
  }

  /// Parses the text of an anchors file; `file` is the name used in errors. The file is generated, so anything
  /// that `serialized()` would not write is an error naming its line, rather than a location taken on trust.
  public static func parse(_ text: String, file: String) throws -> AnchorRecord {
    var record = AnchorRecord()
    var seen: [String: Int] = [:]
    for (i, line) in InputText.lines(text).enumerated() {
      let n = i + 1
      func malformed(_ reason: String) -> AnchorRecordError {
        .malformed(file: InputText.fileName(file), line: n, reason: reason)
      }
      if let c = InputText.firstControl(line) { throw malformed(InputText.controlReason(c)) }
      if line.hasPrefix("# kernel: ") { record.kernel = String(line.dropFirst(10)) }
      if line.isEmpty || line.hasPrefix("#") { continue }
      let parts = line.split(separator: " ")
      guard parts.count == 2, let colon = parts[1].lastIndex(of: ":"), colon > parts[1].startIndex else {
        throw malformed("expected 'id path:line'")
      }
      let number = parts[1][colon...].dropFirst()
      guard let l = Int(number), l > 0 else { throw malformed("'\(InputText.quoted(number))' is not a line number") }
      let id = String(parts[0])
      guard InputText.isName(id) else { throw malformed("'\(InputText.quoted(id))' is not an annotation id") }
      if let first = seen[id] { throw malformed("id \(id) appears twice (first at line \(first))") }
      seen[id] = n
      record.locations[id] = SourceLocation(path: SourcePath(String(parts[1][..<colon])), line: l)
    }
    return record
  }

  /// The file's text: sorted by id, one `id path:line` per line.
  public func serialized() -> String {
    var text = "# Where each annotation's anchor was found (kwalk check --record). Do not edit by hand.\n"
    text += "# kernel: \(kernel)\n"
    for id in locations.keys.sorted() {
      let l = locations[id]!
      text += "\(id) \(l.path):\(l.line)\n"
    }
    return text
  }

  /// A record of every resolved anchor that has a location.
  public init(resolved: [ResolvedAnnotation], kernel: String) {
    var locations: [String: SourceLocation] = [:]
    for r in resolved {
      if let l = r.location { locations[r.annotation.id] = SourceLocation(path: l.path, line: l.line) }
    }
    self.init(locations: locations, kernel: kernel)
  }
}
