import Foundation
import KwalkCore
import Synchronization

/// Finds, by a text search of the tree's `.c` files, which files may define or mention a function. Only a guess to
/// choose what to parse: the parse decides.
public struct DefinitionLocator: Sendable {
  public var sourceRoot: String
  /// Per directory, which `.c` file includes which other (see `unit(for:)`).
  let includers = IncluderMemo()

  public init(sourceRoot: String) { self.sourceRoot = sourceRoot }

  /// Directories never searched: other architectures, tools, samples, documentation, scripts.
  static func excluded(_ path: String) -> Bool {
    if path.hasPrefix("arch/") && !path.hasPrefix("arch/x86/") { return true }
    return ["tools/", "samples/", "Documentation/", "scripts/", "usr/", "certs/"].contains { path.hasPrefix($0) }
  }

  /// Files with a line that starts a definition of one of `names` (the name followed by `(`, not ending in `;`).
  public func definitions(of names: [String]) -> [String: [SourcePath]] {
    let valid = names.filter { !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } }
    guard !valid.isEmpty else { return [:] }
    let alternation = valid.sorted().joined(separator: "|")
    let pattern = "^([A-Za-z_].*[^A-Za-z0-9_])?(\(alternation))\\("
    var out: [String: Set<SourcePath>] = [:]
    // One grep per top-level directory, on every core: drivers/ is half the tree, and discovery waits for this.
    let roots = searchedRoots()
    let found = ParallelWork.map(count: roots.count, workers: ProcessInfo.processInfo.activeProcessorCount) { i in
      grep(["-rnE", "--include=*.c", "-e", pattern, roots[i]])
    }
    for line in found.flatMap({ (try? $0.get()) ?? [] }) {
      // ./net/ipv4/ip_output.c:427:int ip_output(struct net *net, ...
      let parts = line.split(separator: ":", maxSplits: 2)
      guard parts.count == 3 else { continue }
      let path = String(parts[0].dropFirst(2))
      let text = parts[2].trimmingCharacters(in: .whitespaces)
      if text.hasSuffix(";") || text.hasPrefix("return") || text.contains(" = ") || Self.excluded(path) { continue }
      for name in valid where Self.defines(text, name) { out[name, default: []].insert(SourcePath(path)) }
    }
    return out.mapValues { $0.sorted() }
  }

  /// The file kbuild compiles for `file`: itself, or the `.c` file of the same directory that includes it (kernel/sched
  /// builds `wait.c` as part of `build_utility.c`, so `wait.c` has no object of its own).
  public func unit(for file: SourcePath) -> SourcePath {
    guard file.value.hasSuffix(".c") else { return file }
    let directory = file.directory
    let map = includers.map.withLock { $0[directory] } ?? {
      // One search per directory: every `#include "x.c"` line of its own `.c` files.
      var found: [String: SourcePath] = [:]
      for line in grep(["-E", "-H", "-e", "^#include \"[^\"/]+\\.c\"", "--include=*.c", "-r", "./" + directory]) {
        let parts = line.split(separator: ":", maxSplits: 1)
        guard parts.count == 2 else { continue }
        let includer = SourcePath(String(parts[0].dropFirst(2)))
        guard includer.directory == directory else { continue }
        let included = parts[1].split(separator: "\"").dropFirst().first.map(String.init) ?? ""
        if found[included] == nil || includer < found[included]! { found[included] = includer }
      }
      includers.map.withLock { $0[directory] = found }
      return found
    }()
    return map[(file.value as NSString).lastPathComponent] ?? file
  }

  /// Files under `directories` that mention one of `names` as a word.
  public func references(to names: [String], in directories: [String]) -> [String: [SourcePath]] {
    let valid = names.filter { !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } }
    let dirs = directories.filter { FileManager.default.fileExists(atPath: sourceRoot + "/" + $0) }
    guard !valid.isEmpty, !dirs.isEmpty else { return [:] }
    var args = ["-rwoE", "--include=*.c", "-e", "(\(valid.sorted().joined(separator: "|")))"]
    // Only the directory itself, not its subdirectories: the neighbourhood, not the subsystem.
    args += dirs.map { "./" + $0 }
    var out: [String: Set<SourcePath>] = [:]
    for line in grep(args) {
      let parts = line.split(separator: ":", maxSplits: 1)
      guard parts.count == 2 else { continue }
      let path = String(parts[0].dropFirst(2))
      guard dirs.contains(SourcePath(path).directory) else { continue }
      out[String(parts[1]), default: []].insert(SourcePath(path))
    }
    return out.mapValues { $0.sorted() }
  }

  /// The `.c` files under `directory` with a line matching the extended regular expression `pattern`.
  public func files(matching pattern: String, under directory: String) -> [SourcePath] {
    guard FileManager.default.fileExists(atPath: sourceRoot + "/" + directory) else { return [] }
    return grep(["-rlE", "--include=*.c", "-e", pattern, "./" + directory]).map { SourcePath(String($0.dropFirst(2))) }
      .filter { !Self.excluded($0.value) }.sorted()
  }

  /// The directories a search of the whole tree reads: each top-level one that `excluded` keeps, and `arch/x86`
  /// rather than all of `arch/` (a fifth of the tree's `.c` files), so that grep does not read what would be dropped.
  func searchedRoots() -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: sourceRoot)) ?? []
    var roots: [String] = []
    for name in names.sorted() {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: sourceRoot + "/" + name, isDirectory: &isDirectory),
        isDirectory.boolValue, !name.hasPrefix(".")
      else { continue }
      if name == "arch" {
        if FileManager.default.fileExists(atPath: sourceRoot + "/arch/x86") { roots.append("./arch/x86") }
      } else if !Self.excluded(name + "/") {
        roots.append("./" + name)
      }
    }
    return roots.isEmpty ? ["."] : roots
  }

  static func defines(_ line: String, _ name: String) -> Bool {
    guard let r = line.range(of: name + "(") else { return false }
    if r.lowerBound == line.startIndex { return true }
    let before = line[line.index(before: r.lowerBound)]
    return !(before.isLetter || before.isNumber || before == "_" || before == ">" || before == ".")
  }

  private func grep(_ arguments: [String]) -> [String] {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/bin/grep")
    p.arguments = arguments
    p.currentDirectoryURL = URL(fileURLWithPath: sourceRoot)
    // Bytes, not characters: every pattern here is ASCII, and a UTF-8 locale's matcher took twice the CPU.
    var environment = ProcessInfo.processInfo.environment
    environment["LC_ALL"] = "C"
    p.environment = environment
    let pipe = Pipe()
    p.standardOutput = pipe
    p.standardError = FileHandle.nullDevice
    guard (try? p.run()) != nil else { return [] }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
  }
}

/// `DefinitionLocator.unit(for:)`'s searches, kept for the locator's life.
final class IncluderMemo: Sendable {
  let map = Mutex<[String: [String: SourcePath]]>([:])
}
