import Foundation

/// Runs Graphviz's `dot` to lay out a graph as SVG.
public enum Graphviz {
  /// Why a layout failed.
  public struct Failure: Error, CustomStringConvertible {
    public var description: String
  }

  /// The SVG `dot -Tsvg` makes of `source`.
  public static func svg(_ source: String) throws -> String {
    guard let dot = ["/usr/bin/dot", "/usr/local/bin/dot"].first(where: FileManager.default.isExecutableFile) else {
      throw Failure(description: "graphviz's dot is not installed: apt-get install graphviz")
    }
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
