import KwalkCore

/// Reads a tree's files by tree-relative path, each once, for body diffs.
public final class SourceFiles {
  /// Maps tree paths to files on disk.
  public let paths: TreePathMapper
  private var cache: [SourcePath: SourceText] = [:]

  public init(paths: TreePathMapper) { self.paths = paths }

  /// The file's text, nil when it cannot be read.
  public func text(_ path: SourcePath) -> SourceText? {
    if let t = cache[path] { return t }
    guard let t = SourceText(contentsOfFile: paths.absolute(path)) else { return nil }
    cache[path] = t
    return t
  }

  /// The lines of a function's definition, from its first line to the end of its body, with their numbers.
  public func body(of f: FunctionFact) -> [(line: Int, text: String)] {
    guard let t = text(f.location.path), f.startLine >= 1, f.endLine >= f.startLine else { return [] }
    return (f.startLine...min(f.endLine, t.lineCount)).map { ($0, t.line($0)) }
  }
}
