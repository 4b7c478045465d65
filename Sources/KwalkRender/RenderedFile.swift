import Foundation

/// One output file: a path relative to the site's top and its bytes.
public struct RenderedFile: Hashable, Sendable {
  public var relativePath: String
  public var bytes: Data

  public init(_ relativePath: String, _ text: String) {
    self.relativePath = relativePath
    bytes = Data(text.utf8)
  }
}

/// Writes a whole site atomically: into a temporary sibling directory, then renamed over the old one, so a failed
/// run leaves the previous site as it was.
public struct DirectorySink: Sendable {
  public var directory: String

  public init(directory: String) { self.directory = directory }

  public func write(_ files: [RenderedFile]) throws {
    let fm = FileManager.default
    let target = URL(fileURLWithPath: directory).standardizedFileURL
    let parent = target.deletingLastPathComponent()
    try fm.createDirectory(at: parent, withIntermediateDirectories: true)
    let tmp = parent.appendingPathComponent(".\(target.lastPathComponent).tmp-\(getpid())")
    try? fm.removeItem(at: tmp)
    do {
      for f in files.sorted(by: { $0.relativePath < $1.relativePath }) {
        let url = tmp.appendingPathComponent(f.relativePath)
        try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try f.bytes.write(to: url)
      }
    } catch {
      // The previous site stays as it was; only the half-written copy goes.
      try? fm.removeItem(at: tmp)
      throw error
    }
    let old = parent.appendingPathComponent(".\(target.lastPathComponent).old-\(getpid())")
    if fm.fileExists(atPath: target.path) { try fm.moveItem(at: target, to: old) }
    try fm.moveItem(at: tmp, to: target)
    try? fm.removeItem(at: old)
  }
}
