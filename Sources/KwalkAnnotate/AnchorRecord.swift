import Foundation
import KwalkCore

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

  /// Reads `path`; an absent file is an empty record.
  public static func load(from path: String) throws -> AnchorRecord {
    guard let data = FileManager.default.contents(atPath: path) else { return AnchorRecord() }
    return try parse(String(decoding: data, as: UTF8.self), file: AnchorRecord.fileName)
  }

  /// Parses the text of an anchors file; `file` is the name used in errors.
  public static func parse(_ text: String, file: String) throws -> AnchorRecord {
    var record = AnchorRecord()
    for (n, line) in text.components(separatedBy: "\n").enumerated() {
      if line.hasPrefix("# kernel: ") { record.kernel = String(line.dropFirst(10)) }
      if line.isEmpty || line.hasPrefix("#") { continue }
      let parts = line.split(separator: " ")
      guard parts.count == 2, let colon = parts[1].lastIndex(of: ":"), let l = Int(parts[1][colon...].dropFirst())
      else {
        throw AnnotationError.malformed(
          file: file, line: n + 1, reason: "expected 'id path:line'; rerun kwalk check --record")
      }
      record.locations[String(parts[0])] = SourceLocation(path: SourcePath(String(parts[1][..<colon])), line: l)
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
