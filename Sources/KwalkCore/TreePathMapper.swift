/// Turns the absolute paths a compiler reports into tree-relative `SourcePath`s.
public struct TreePathMapper: Hashable, Sendable {
  /// The kernel source tree's top directory, absolute, without a trailing slash.
  public var sourceRoot: String
  /// kbuild's output directory (`O=`), absolute, without a trailing slash.
  public var buildRoot: String?

  public init(sourceRoot: String, buildRoot: String?) {
    self.sourceRoot = Self.trimmed(sourceRoot)
    self.buildRoot = buildRoot.map(Self.trimmed)
  }

  private static func trimmed(_ p: String) -> String {
    var p = p
    while p.count > 1 && p.hasSuffix("/") { p.removeLast() }
    return p
  }

  /// The tree-relative path, `O/`-prefixed for files in the build directory, nil for files outside both.
  public func sourcePath(for absolute: String) -> SourcePath? {
    let path = Self.normalized(absolute)
    if let rest = Self.relative(path, to: sourceRoot) { return SourcePath(rest) }
    if let buildRoot, let rest = Self.relative(path, to: buildRoot) { return SourcePath("O/" + rest) }
    return nil
  }

  /// The absolute path of a tree-relative path.
  public func absolute(_ path: SourcePath) -> String {
    if path.value.hasPrefix("O/"), let buildRoot { return buildRoot + "/" + path.value.dropFirst(2) }
    return sourceRoot + "/" + path.value
  }

  private static func relative(_ path: String, to root: String) -> String? {
    guard path.hasPrefix(root + "/") else { return nil }
    return String(path.dropFirst(root.count + 1))
  }

  /// Removes `.` components and resolves `..` textually.
  static func normalized(_ path: String) -> String {
    var out: [Substring] = []
    for part in path.split(separator: "/", omittingEmptySubsequences: true) {
      if part == "." { continue }
      if part == "..", !out.isEmpty { out.removeLast(); continue }
      out.append(part)
    }
    return (path.hasPrefix("/") ? "/" : "") + out.joined(separator: "/")
  }
}
