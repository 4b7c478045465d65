/// A kernel release as `major.minor` (the Debian package's name) with an optional sublevel (`6.1.192`).
public struct KernelVersion: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
  /// Major number (6).
  public var major: Int
  /// Minor number (1).
  public var minor: Int
  /// Sublevel (192), when known.
  public var sublevel: Int?

  public init(major: Int, minor: Int, sublevel: Int? = nil) {
    self.major = major
    self.minor = minor
    self.sublevel = sublevel
  }

  /// Parses `6.1` or `6.1.192`; nil for anything else.
  public init?(_ text: String) {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 2 || parts.count == 3, let a = Int(parts[0]), let b = Int(parts[1]) else { return nil }
    major = a
    minor = b
    if parts.count == 3 {
      guard let c = Int(parts[2]) else { return nil }
      sublevel = c
    }
  }

  /// The `major.minor` series, as in `linux-source-6.1`.
  public var series: String { "\(major).\(minor)" }

  public var description: String { sublevel.map { "\(series).\($0)" } ?? series }

  public static func < (a: KernelVersion, b: KernelVersion) -> Bool {
    (a.major, a.minor, a.sublevel ?? -1) < (b.major, b.minor, b.sublevel ?? -1)
  }
}
