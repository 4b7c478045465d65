import Foundation
import KwalkCore
import KwalkKernel

/// Runs Graphviz's `dot` to lay out a graph as SVG.
public enum Graphviz {
  /// Why a layout failed.
  public struct Failure: Error, CustomStringConvertible {
    public var description: String
  }

  /// The `dot` on this machine.
  static func binary() throws -> String {
    guard let dot = ["/usr/bin/dot", "/usr/local/bin/dot"].first(where: FileManager.default.isExecutableFile) else {
      throw Failure(description: "graphviz's dot is not installed: apt-get install graphviz")
    }
    return dot
  }

  /// A layout that keeps each SVG in `cache` under the hash of its source and of the `dot` binary, so that a site
  /// whose paths did not change runs no `dot` at all.
  public static func cached(in cache: KwalkCache) -> @Sendable (String) throws -> String {
    { source in
      let identity = KernelPreparer.identity(of: try binary())
      let file = cache.root + "/graphviz/" + ContentHash(string: identity + "\u{1}" + source).description + ".svg"
      if let data = FileManager.default.contents(atPath: file) { return String(decoding: data, as: UTF8.self) }
      let svg = try self.svg(source)
      try? FileManager.default.createDirectory(atPath: cache.root + "/graphviz", withIntermediateDirectories: true)
      try? AtomicFile.write(svg, to: file)
      return svg
    }
  }

  /// The SVG `dot -Tsvg` makes of `source`.
  public static func svg(_ source: String) throws -> String {
    let dot = try binary()
    let p = Process()
    p.executableURL = URL(fileURLWithPath: dot)
    p.arguments = ["-Tsvg"]
    let input = Pipe()
    let output = Pipe()
    let errors = Pipe()
    p.standardInput = input
    p.standardOutput = output
    p.standardError = errors
    try p.run()
    // dot reads all of its input before writing; a writer thread keeps a large graph from filling both pipes.
    let writer = Thread {
      input.fileHandleForWriting.write(Data(source.utf8))
      try? input.fileHandleForWriting.close()
    }
    writer.start()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    let message = errors.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    guard p.terminationStatus == 0 else {
      let first = String(decoding: message, as: UTF8.self).split(separator: "\n").first ?? "no message"
      throw Failure(description: "dot -Tsvg failed (status \(p.terminationStatus)): \(first)")
    }
    return String(decoding: data, as: UTF8.self)
  }
}
