import Foundation
import KwalkClang
import KwalkCore
import KwalkIndex
import KwalkStore

/// The C trees under `Tests/Fixtures`.
public enum Fixtures {
  /// `Tests/Fixtures` of this checkout.
  public static var root: String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Tests/Fixtures").path
  }

  /// The directory of fixture tree `name`.
  public static func tree(_ name: String) -> String { root + "/" + name }

  /// The repository's top directory.
  public static var repository: String { URL(fileURLWithPath: root).deletingLastPathComponent().deletingLastPathComponent().path }

  /// The compiler arguments fixture files are parsed with.
  public static func arguments(for tree: String, defines: [String] = ["CONFIG_RPS"]) -> [String] {
    ["-nostdinc", "-I", tree + "/include", "-std=gnu11", "-Wall"] + defines.map { "-D" + $0 }
  }

  /// Parses `file` of fixture tree `tree` and returns its facts.
  public static func facts(tree: String, file: String, defines: [String] = ["CONFIG_RPS"]) throws -> TranslationUnitFacts {
    let root = self.tree(tree)
    let index = try ClangIndex()
    let unit = try TranslationUnit(index: index, path: root + "/" + file, arguments: arguments(for: root, defines: defines))
    return FactExtractor(paths: TreePathMapper(sourceRoot: root, buildRoot: nil)).extract(unit, file: SourcePath(file))
  }

  /// Indexes `files` of a fixture tree into a fresh SQLite store in a temporary directory and returns the snapshot.
  public static func snapshot(tree: String, files: [String], defines: [String] = ["CONFIG_RPS"]) throws -> IndexSnapshot {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kwalk-fixture-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let store = try FactStore(path: dir.appendingPathComponent("kwalk.sqlite").path)
    for f in files {
      try store.replace(unit: try facts(tree: tree, file: f, defines: defines), inputsDigest: "fixture", inputs: [], seconds: 0)
    }
    return IndexSnapshot(version: KernelVersion(major: 0, minor: 0), facts: try store.loadAll(), units: try store.units())
  }

  /// The 1-based line of the line holding `/*marker*/` in a fixture file.
  public static func line(of marker: String, in file: String, tree: String = "linux-mini") throws -> Int {
    let text = try String(contentsOfFile: self.tree(tree) + "/" + file, encoding: .utf8)
    for (i, l) in text.components(separatedBy: "\n").enumerated() where l.contains("/*\(marker)*/") { return i + 1 }
    throw FixtureError.noMarker(marker, file)
  }
}

/// A fixture that lacks what a test expects.
public enum FixtureError: Error, CustomStringConvertible {
  case noMarker(String, String)
  public var description: String {
    switch self {
    case .noMarker(let m, let f): return "no /*\(m)*/ marker in \(f)"
    }
  }
}

extension Fixtures {
  /// `files` of a fixture tree with libclang's tokens, each `.c` file through its own parse and each header through
  /// the first of `units` that includes it.
  public static func tokenized(tree: String, files: [String], units: [String], defines: [String] = ["CONFIG_RPS"])
    throws -> [SourcePath: TokenizedSource]
  {
    let root = self.tree(tree)
    var out: [SourcePath: TokenizedSource] = [:]
    var parsed: [String: TranslationUnit] = [:]
    let index = try ClangIndex()
    for u in units {
      parsed[u] = try TranslationUnit(index: index, path: root + "/" + u, arguments: arguments(for: root, defines: defines))
    }
    for f in files {
      guard let text = SourceText(contentsOfFile: root + "/" + f) else { throw FixtureError.noMarker("file", f) }
      let host = parsed[f] ?? units.lazy.compactMap { parsed[$0] }.first { unit in
        unit.includedFiles().contains { $0.hasSuffix("/" + f) }
      }
      let tokens = host?.tokens(inFile: root + "/" + f, text: text) ?? []
      out[SourcePath(f)] = TokenizedSource(path: SourcePath(f), text: text, tokens: tokens)
    }
    return out
  }
}
