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
/// run leaves the previous site as it was. Unchanged files are hard links to the previous site's, not rewritten.
public struct DirectorySink: Sendable {
  public var directory: String

  public init(directory: String) { self.directory = directory }

  public func write(_ files: [RenderedFile]) throws {
    let fm = FileManager.default
    let target = URL(fileURLWithPath: directory).standardizedFileURL
    let parent = target.deletingLastPathComponent()
    try fm.createDirectory(at: parent, withIntermediateDirectories: true)
    Self.removeLeftovers(of: target.lastPathComponent, in: parent)
    let tmp = parent.appendingPathComponent(".\(target.lastPathComponent).tmp-\(getpid())")
    try? fm.removeItem(at: tmp)
    do {
      for f in files.sorted(by: { $0.relativePath < $1.relativePath }) {
        let url = tmp.appendingPathComponent(f.relativePath)
        try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        // A page whose bytes did not change keeps its file (and time): the new copy links to the old one.
        let previous = target.appendingPathComponent(f.relativePath).path
        if fm.contents(atPath: previous) == f.bytes, link(previous, url.path) == 0 { continue }
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

  /// Removes the temporary and replaced copies that runs killed before they finished left beside the site. A copy
  /// whose process still runs belongs to a concurrent `kwalk site` and stays.
  static func removeLeftovers(of name: String, in parent: URL) {
    let fm = FileManager.default
    for entry in (try? fm.contentsOfDirectory(atPath: parent.path)) ?? [] {
      for marker in [".\(name).tmp-", ".\(name).old-"] where entry.hasPrefix(marker) {
        guard let pid = Int32(entry.dropFirst(marker.count)), kill(pid, 0) != 0, errno == ESRCH else { continue }
        try? fm.removeItem(at: parent.appendingPathComponent(entry))
      }
    }
  }
}
