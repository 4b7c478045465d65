/// A problem that does not stop a run, reported with a stable id such as `kwalk.annotate.quote-not-found`.
public struct Diagnostic: Hashable, Codable, Sendable, CustomStringConvertible {
  /// How bad it is.
  public enum Severity: String, Codable, Sendable, Comparable {
    /// Worth knowing.
    case note
    /// Probably wrong.
    case warning
    /// Wrong.
    case error

    private var rank: Int { self == .note ? 0 : self == .warning ? 1 : 2 }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
  }

  /// Where, when a place is known.
  public var location: SourceLocation?
  /// How bad.
  public var severity: Severity
  /// Stable identifier for tooling and tests.
  public var id: String
  /// One lowercase line.
  public var message: String

  public init(location: SourceLocation?, severity: Severity, id: String, message: String) {
    self.location = location
    self.severity = severity
    self.id = id
    self.message = message
  }

  /// `path:line:col: warning: message [id]`.
  public var description: String {
    let place = location.map { "\($0): " } ?? ""
    return "\(place)\(severity.rawValue): \(message) [\(id)]"
  }
}
