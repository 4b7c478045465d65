/// A tool's version as min-tool-version.sh prints it (`17.0.1`).
public struct ToolVersion: Hashable, Sendable, CustomStringConvertible {
  /// Major number.
  public var major: Int
  /// Minor number.
  public var minor: Int
  /// Patch number.
  public var patch: Int

  public init(major: Int, minor: Int, patch: Int) {
    self.major = major
    self.minor = minor
    self.patch = patch
  }

  /// Parses `17.0.1` (missing parts are 0); nil for anything else.
  public init?(_ text: String) {
    let parts = text.split(separator: ".").map { Int($0) }
    guard !parts.isEmpty, parts.count <= 3, parts.allSatisfy({ $0 != nil }) else { return nil }
    major = parts[0]!
    minor = parts.count > 1 ? parts[1]! : 0
    patch = parts.count > 2 ? parts[2]! : 0
  }

  public var description: String { "\(major).\(minor).\(patch)" }
}
