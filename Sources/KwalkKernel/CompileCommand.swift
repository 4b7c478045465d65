import Foundation
import KwalkCore

/// How kbuild compiles one translation unit, as in a `compile_commands.json` entry.
public struct CompileCommand: Hashable, Codable, Sendable {
  /// The directory the command runs in (kbuild's output directory).
  public var directory: String
  /// The source file, absolute.
  public var file: String
  /// The compiler and its arguments, exactly as kbuild ran them (objtool's part dropped).
  public var arguments: [String]

  public init(directory: String, file: String, arguments: [String]) {
    self.directory = directory
    self.file = file
    self.arguments = arguments
  }

  /// Parses the command line of a kbuild `.cmd` file (`cmd_net/core/dev.o := clang ... net/core/dev.c; objtool`).
  public init?(kbuildCommandFile text: String, directory: String) {
    guard let first = text.split(separator: "\n", maxSplits: 1).first else { return nil }
    guard let assign = first.range(of: " := ") else { return nil }
    let key = first[..<assign.lowerBound]
    guard key.hasPrefix("cmd_") || key.hasPrefix("savedcmd_") else { return nil }
    // Make escapes in .cmd files: `\#` and `$$`.
    let command = String(first[assign.upperBound...]).replacingOccurrences(of: "\\#", with: "#")
      .replacingOccurrences(of: "$$", with: "$")
    let words = ShellWords.split(command)
    guard let file = words.last(where: { $0.hasSuffix(".c") }) else { return nil }
    self.init(
      directory: directory, file: file.hasPrefix("/") ? file : directory + "/" + file, arguments: words)
  }

  /// The arguments a libclang parse needs: no compiler name, no output or dependency flags, no source file, and
  /// every relative include path made absolute (libclang has no working directory).
  public var frontendArguments: [String] {
    var out: [String] = []
    var i = 1
    let pathFlags: Set<String> = ["-I", "-include", "-isystem", "-iquote", "-idirafter", "-imacros"]
    func absolute(_ p: String) -> String { p.hasPrefix("/") ? p : directory + "/" + p }
    while i < arguments.count {
      let a = arguments[i]
      defer { i += 1 }
      if a == "-c" || a.hasPrefix("-Wp,-MMD") || a.hasPrefix("-Wp,-MD") { continue }
      if a == "-o" { i += 1; continue }
      if a == file || absolute(a) == file { continue }
      if pathFlags.contains(a), i + 1 < arguments.count {
        out.append(a)
        out.append(absolute(arguments[i + 1]))
        i += 1
        continue
      }
      if a.hasPrefix("-I"), a.count > 2 {
        out.append("-I" + absolute(String(a.dropFirst(2))))
        continue
      }
      out.append(a)
    }
    return out
  }
}

/// The compile commands kwalk has obtained from kbuild for one prepared tree, kept as `compile_commands.json`.
public struct CompileDatabase: Codable, Sendable {
  /// Commands by tree-relative source path.
  public var commands: [SourcePath: CompileCommand]
  /// Files kbuild was asked for and did not build in this config.
  public var notBuilt: Set<SourcePath>

  public init(commands: [SourcePath: CompileCommand] = [:], notBuilt: Set<SourcePath> = []) {
    self.commands = commands
    self.notBuilt = notBuilt
  }

  /// The standard `compile_commands.json` array, sorted by file, that clangd reads.
  public func compileCommandsJSON() throws -> Data {
    let entries = commands.keys.sorted().compactMap { commands[$0] }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(entries)
  }

  /// Reads a `compile_commands.json` written by kwalk (or anyone), keyed by tree path.
  public static func load(from url: URL, paths: TreePathMapper) -> CompileDatabase {
    guard let data = try? Data(contentsOf: url),
      let entries = try? JSONDecoder().decode([CompileCommand].self, from: data)
    else { return CompileDatabase() }
    var db = CompileDatabase()
    for e in entries {
      if let p = paths.sourcePath(for: e.file) { db.commands[p] = e }
    }
    return db
  }
}
