import Foundation
import KwalkCore

/// Asks kbuild for the compile commands of translation units: it builds each object and reads the command kbuild
/// recorded in the object's `.cmd` file, the way the kernel's own gen_compile_commands.py does.
public struct Kbuild: Sendable {
  public var tree: PreparedTree
  public var progress: ProgressReporter

  public init(tree: PreparedTree, progress: ProgressReporter) {
    self.tree = tree
    self.progress = progress
  }

  /// Runs `make -C src O=build LLVM=1 targets` with all cores and `toolchain`'s tools first on `PATH`.
  static func make(
    sourceRoot: String, buildRoot: String, targets: [String], toolchain: Toolchain, log: String,
    keepGoing: Bool = false
  ) throws -> Int32 {
    let jobs = ProcessInfo.processInfo.activeProcessorCount
    var args = ["-C", sourceRoot, "O=" + buildRoot, "LLVM=1", "-j\(jobs)"]
    if keepGoing { args.append("-k") }
    return try ProcessRunner.run("/usr/bin/make", args + targets, log: log, environment: toolchain.environment())
  }

  /// `command` with kbuild's bare `clang` replaced by the toolchain's path, so the database names the compiler.
  func naming(_ command: CompileCommand) -> CompileCommand {
    var c = command
    if c.arguments.first == "clang" { c.arguments[0] = tree.toolchain.clang }
    return c
  }

  /// The compile database as kwalk last wrote it.
  public func database() -> CompileDatabase {
    var db = CompileDatabase.load(from: URL(fileURLWithPath: tree.compileDatabasePath), paths: tree.paths)
    db.commands = db.commands.mapValues(naming)
    if let data = FileManager.default.contents(atPath: tree.cacheDirectory + "/not-built.json"),
      let list = try? JSONDecoder().decode([SourcePath].self, from: data)
    {
      db.notBuilt = Set(list)
    }
    return db
  }

  /// Commands for `files`, building the objects kbuild has not built yet. Files this config does not build are
  /// left out of the result and remembered in the database's `notBuilt`.
  public func compileCommands(for files: [SourcePath]) throws -> [SourcePath: CompileCommand] {
    let lock = try CacheLock(path: tree.cacheDirectory + "/kbuild.lock", progress: progress)
    defer { withExtendedLifetime(lock) {} }
    var db = database()
    let missing = Array(Set(files)).sorted().filter { db.commands[$0] == nil && !db.notBuilt.contains($0) && $0.value.hasSuffix(".c") }
    if !missing.isEmpty {
      let log = tree.logDirectory + "/kbuild.log"
      let objects = missing.map { String($0.value.dropLast(2)) + ".o" }
      progress.begin("compiling \(objects.count) object\(objects.count == 1 ? "" : "s") with kbuild")
      _ = try Self.make(
        sourceRoot: tree.sourceRoot, buildRoot: tree.buildRoot, targets: objects, toolchain: tree.toolchain, log: log,
        keepGoing: true)
      var built = 0
      for file in missing {
        let base = String(file.value.dropLast(2))
        let dir = (base as NSString).deletingLastPathComponent
        let name = (base as NSString).lastPathComponent
        let cmdFile = tree.buildRoot + "/" + (dir.isEmpty ? "" : dir + "/") + "." + name + ".o.cmd"
        if let text = try? String(contentsOfFile: cmdFile, encoding: .utf8),
          let command = CompileCommand(kbuildCommandFile: text, directory: tree.buildRoot)
        {
          db.commands[file] = naming(command)
          built += 1
        } else {
          db.notBuilt.insert(file)
        }
      }
      progress.finish("\(built) built, \(missing.count - built) not in this config")
      try save(db)
    }
    return db.commands.filter { files.contains($0.key) }
  }

  func save(_ db: CompileDatabase) throws {
    try atomicWrite(try db.compileCommandsJSON(), to: tree.compileDatabasePath)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    try atomicWrite(try encoder.encode(db.notBuilt.sorted()), to: tree.cacheDirectory + "/not-built.json")
  }

  private func atomicWrite(_ data: Data, to path: String) throws {
    let tmp = path + ".tmp"
    try data.write(to: URL(fileURLWithPath: tmp))
    guard rename(tmp, path) == 0 else {
      throw KernelError.cacheUnwritable(path: path, reason: String(cString: strerror(errno)))
    }
  }
}
