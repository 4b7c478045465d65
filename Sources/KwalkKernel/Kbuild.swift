import Foundation
import KwalkCore

/// Asks kbuild for the compile commands of translation units. A dry run (`make -n`) prints the command of every object
/// it would build without compiling anything (`KbuildDryRun`); for a file it says nothing about, kwalk builds the
/// object and reads the command kbuild recorded in its `.cmd` file, the way the kernel's own gen_compile_commands.py
/// does. A dry run cannot tell whether a file compiles in this config (kernel/sched/wait.c is only built inside
/// build_utility.c), so a file whose parse fails with a command from the dry run is built before it counts as not
/// built (`confirmByBuilding`).
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
    keepGoing: Bool = false, dryRun: Bool = false, progress: ProgressReporter
  ) throws -> Int32 {
    let lock = makeLock(buildRoot: buildRoot)
    waitForMake(lock: lock, progress: progress)
    let jobs = ProcessInfo.processInfo.activeProcessorCount
    var args = [lock, "/usr/bin/make", "-C", sourceRoot, "O=" + buildRoot, "LLVM=1", "-j\(jobs)"] + withoutLinkTools
    if keepGoing { args.append("-k") }
    // Recipe lines several kilobytes long, printed by sub-makes running side by side, must not interleave.
    if dryRun { args += ["-n", "--output-sync=line"] }
    return try ProcessRunner.run("/usr/bin/flock", args + targets, log: log, environment: toolchain.environment())
  }

  /// Make variables that keep kbuild from building objtool and resolve_btfids, two thirds of the steps `prepare`
  /// ran (6.1 on a quiet machine: prepare 15.0 s before, 8.4 s without them). objtool checks each object after it is
  /// compiled and resolve_btfids patches the linked image; neither writes a header or changes a compile command, so
  /// the generated headers and the commands kbuild says are those of the full build. A variable given on make's command line overrides the
  /// config's; `autoconf.h` still says what the config enables. `CONFIG_STACK_VALIDATION` is 5.10's objtool switch.
  static let withoutLinkTools = ["CONFIG_OBJTOOL=", "CONFIG_STACK_VALIDATION=", "CONFIG_DEBUG_INFO_BTF="]

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
    db.notBuilt = notBuilt()
    return db
  }

  /// The files kbuild does not build in this config, as far as kwalk has asked (the database's `notBuilt`, without
  /// reading its commands).
  public func notBuilt() -> Set<SourcePath> {
    guard let data = FileManager.default.contents(atPath: tree.cacheDirectory + "/not-built.json"),
      let list = try? JSONDecoder().decode([SourcePath].self, from: data)
    else { return [] }
    return Set(list)
  }

  /// Commands for `files`, from kbuild's dry run, or from the objects built for the files it says nothing about.
  /// Files this config does not build are left out of the result and remembered in the database's `notBuilt`.
  public func compileCommands(for files: [SourcePath]) throws -> [SourcePath: CompileCommand] {
    let lock = try CacheLock(path: tree.cacheDirectory + "/kbuild.lock", progress: progress)
    defer { withExtendedLifetime(lock) {} }
    var db = database()
    let missing = Array(Set(files)).sorted().filter { db.commands[$0] == nil && !db.notBuilt.contains($0) && $0.value.hasSuffix(".c") }
    if !missing.isEmpty {
      progress.begin("asking kbuild for \(missing.count) compile command\(missing.count == 1 ? "" : "s") (make -n)")
      let said = try dryRun(missing)
      for (file, command) in said { db.commands[file] = naming(command) }
      // An object kbuild has built already is up to date, so the dry run says nothing about it: its `.cmd` file does.
      let unsaid = missing.filter { said[$0] == nil }
      let failed = unsaid.isEmpty ? [] : try buildRetrying(unsaid, into: &db)
      db.notBuilt.formUnion(failed)
      progress.finish(
        "\(said.count) said, \(unsaid.count - failed.count) built, \(failed.count) not in this config")
      try save(db)
    }
    return db.commands.filter { files.contains($0.key) }
  }

  /// Builds the objects of `files` whose commands only the dry run has said (a parse with them failed), and takes the
  /// command kbuild recorded. Files kbuild cannot build lose their command and go to `notBuilt`, as when kwalk built
  /// every object; returns the files it built.
  public func confirmByBuilding(_ files: [SourcePath]) throws -> [SourcePath] {
    let lock = try CacheLock(path: tree.cacheDirectory + "/kbuild.lock", progress: progress)
    defer { withExtendedLifetime(lock) {} }
    var db = database()
    let todo = Array(Set(files)).sorted().filter { db.commands[$0] != nil && !hasBuilt($0) }
    guard !todo.isEmpty else { return [] }
    progress.begin("compiling \(todo.count) object\(todo.count == 1 ? "" : "s") with kbuild (a parse failed)")
    let failed = try buildRetrying(todo, into: &db)
    for file in failed { db.commands[file] = nil }
    db.notBuilt.formUnion(failed)
    progress.finish("\(todo.count - failed.count) built, \(failed.count) not in this config")
    try save(db)
    return todo.filter { !failed.contains($0) }
  }

  /// Whether kbuild has built the object of `file` (and so recorded its command).
  public func hasBuilt(_ file: SourcePath) -> Bool {
    FileManager.default.fileExists(atPath: outputPath(of: file, suffix: ".o.cmd", hidden: true))
  }

  /// What kbuild's dry run says for the objects of `files`, without building them; logged in `kbuild-dry-run.log`.
  public func dryRun(_ files: [SourcePath]) throws -> [SourcePath: CompileCommand] {
    let log = tree.logDirectory + "/kbuild-dry-run.log"
    try? FileManager.default.removeItem(atPath: log)
    _ = try Self.make(
      sourceRoot: tree.sourceRoot, buildRoot: tree.buildRoot, targets: files.map { String($0.value.dropLast(2)) + ".o" },
      toolchain: tree.toolchain, log: log, keepGoing: true, dryRun: true, progress: progress)
    let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
    return KbuildDryRun.commands(in: output, for: files, directory: tree.buildRoot)
  }

  /// Builds the objects of `files` and records their commands; returns the files kbuild did not build.
  func buildRetrying(_ files: [SourcePath], into db: inout CompileDatabase) throws -> [SourcePath] {
    let log = tree.logDirectory + "/kbuild.log"
    let leftovers = Set(files.filter(hasOutputs))
    let failed = try build(files, log: log, into: &db)
    // A run killed while kbuild wrote an object can leave its files half-made, and kbuild may then fail on them
    // although the config builds the file: those are removed and built once more before a file counts as not built,
    // which is remembered for good. A file that had no outputs before has nothing half-made.
    let retry = failed.filter(leftovers.contains)
    guard !retry.isEmpty else { return failed }
    for file in retry { removeOutputs(of: file) }
    return failed.filter { !leftovers.contains($0) } + (try build(retry, log: log, into: &db))
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

  /// Whether kbuild has left any output of `file`.
  func hasOutputs(_ file: SourcePath) -> Bool {
    Self.outputs.contains { FileManager.default.fileExists(atPath: outputPath(of: file, suffix: $0.suffix, hidden: $0.hidden)) }
  }

  /// The files kbuild makes for an object: `tcp.o`, `.tcp.o.cmd`, `.tcp.o.d`.
  static let outputs: [(suffix: String, hidden: Bool)] = [(".o", false), (".o.cmd", true), (".o.d", true)]

  /// Removes what kbuild made for `file`, so that the next make starts the object from nothing.
  func removeOutputs(of file: SourcePath) {
    for (suffix, hidden) in Self.outputs {
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
