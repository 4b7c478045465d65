/// A place in a kernel tree: file, 1-based line and column, and the byte offset in the file.
public struct SourceLocation: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
  /// The tree-relative file.
  public var path: SourcePath
  /// 1-based line.
  public var line: Int
  /// 1-based column.
  public var column: Int

  public init(path: SourcePath, line: Int, column: Int = 1) {
    self.path = path
    self.line = line
    self.column = column
  }

  /// `net/core/dev.c:4295:5`.
  public var description: String { "\(path):\(line):\(column)" }

  public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
    (lhs.path, lhs.line, lhs.column) < (rhs.path, rhs.line, rhs.column)
  }
}
