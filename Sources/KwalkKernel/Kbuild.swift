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

  /// Runs `make -C src O=build LLVM=1 targets` with all cores and `toolchain`'s tools first on `PATH`, under the
  /// tree's make lock.
  ///
  /// make runs in a process group of its own, so it outlives a kwalk that is killed (even by Ctrl-C). It therefore
  /// holds a lock of its own, through flock(1), for as long as it runs: the next kwalk waits for it instead of
  /// building into the same directory at the same time.
  static func make(
    sourceRoot: String, buildRoot: String, targets: [String], toolchain: Toolchain, log: String,
    keepGoing: Bool = false, progress: ProgressReporter
  ) throws -> Int32 {
    let lock = makeLock(buildRoot: buildRoot)
    waitForMake(lock: lock, progress: progress)
    let jobs = ProcessInfo.processInfo.activeProcessorCount
    var args = [lock, "/usr/bin/make", "-C", sourceRoot, "O=" + buildRoot, "LLVM=1", "-j\(jobs)"]
    if keepGoing { args.append("-k") }
    return try ProcessRunner.run("/usr/bin/flock", args + targets, log: log, environment: toolchain.environment())
  }

  /// The lock make holds while it builds into `buildRoot`: beside the kernel's cache directory, which a fresh
  /// prepare removes.
  static func makeLock(buildRoot: String) -> String {
    URL(fileURLWithPath: buildRoot).deletingLastPathComponent().path + ".make.lock"
  }

  /// Returns once no make (of a kwalk run that was killed) builds into the tree, saying so if it has to wait.
  static func waitForMake(lock: String, progress: ProgressReporter) {
    _ = try? CacheLock(path: lock, progress: progress)
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
      progress.begin("compiling \(missing.count) object\(missing.count == 1 ? "" : "s") with kbuild")
      var failed = try build(missing, log: log, into: &db)
      if !failed.isEmpty {
        // A run killed while kbuild wrote an object can leave its files half-made, and kbuild may then fail on them
        // although the config builds the file: those are removed and built once more before a file counts as not
        // built, which is remembered for good.
        for file in failed { removeOutputs(of: file) }
        failed = try build(failed, log: log, into: &db)
      }
      db.notBuilt.formUnion(failed)
      progress.finish("\(missing.count - failed.count) built, \(failed.count) not in this config")
      try save(db)
    }
    return db.commands.filter { files.contains($0.key) }
  }

  /// Builds the objects of `files` and records the command of each one kbuild built; returns the files it did not.
  func build(_ files: [SourcePath], log: String, into db: inout CompileDatabase) throws -> [SourcePath] {
    let objects = files.map { String($0.value.dropLast(2)) + ".o" }
    _ = try Self.make(
      sourceRoot: tree.sourceRoot, buildRoot: tree.buildRoot, targets: objects, toolchain: tree.toolchain, log: log,
      keepGoing: true, progress: progress)
    var failed: [SourcePath] = []
    for file in files {
      if let text = try? String(contentsOfFile: outputPath(of: file, suffix: ".o.cmd", hidden: true), encoding: .utf8),
        let command = CompileCommand(kbuildCommandFile: text, directory: tree.buildRoot)
      {
        db.commands[file] = naming(command)
      } else {
        failed.append(file)
      }
    }
    return failed
  }

  /// Where kbuild puts an output of `file`: `net/core/.sock.o.cmd` (hidden) or `net/core/sock.o`.
  func outputPath(of file: SourcePath, suffix: String, hidden: Bool) -> String {
    let base = String(file.value.dropLast(2))
    let dir = (base as NSString).deletingLastPathComponent
    let name = (base as NSString).lastPathComponent
    return tree.buildRoot + "/" + (dir.isEmpty ? "" : dir + "/") + (hidden ? "." : "") + name + suffix
  }

  /// Removes what kbuild made for `file`, so that the next make starts the object from nothing.
  func removeOutputs(of file: SourcePath) {
    for (suffix, hidden) in [(".o", false), (".o.cmd", true), (".o.d", true)] {
      try? FileManager.default.removeItem(atPath: outputPath(of: file, suffix: suffix, hidden: hidden))
    }
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
