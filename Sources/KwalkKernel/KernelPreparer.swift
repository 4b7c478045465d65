import Foundation
import KwalkCore

/// Unpacks, configures and prepares kernel trees in kwalk's cache, once per version and config.
///
/// A prepared tree is trusted only when its `prepared.json` stamp matches the inputs; the stamp is written last,
/// so an interrupted run is redone, never half-used. Sources are unpacked into a temporary directory and renamed
/// into place. kbuild writes only into the cache (`O=`), never into a user's tree.
public struct KernelPreparer: Sendable {
  public var cache: KwalkCache
  public var debian: DebianKernels
  public var progress: ProgressReporter
  /// The LLVM versions to choose from (`LLVMVersions.probe` by default; tests pass their own).
  public var llvm: @Sendable () -> LLVMVersions

  public init(
    cache: KwalkCache, debian: DebianKernels = DebianKernels(), progress: ProgressReporter,
    llvm: @escaping @Sendable () -> LLVMVersions = LLVMVersions.probe
  ) {
    self.cache = cache
    self.debian = debian
    self.progress = progress
    self.llvm = llvm
  }

  /// Returns the prepared tree for `source`, doing only the steps not done before.
  public func prepare(_ source: KernelSource) throws -> PreparedTree {
    let plan = try plan(for: source)
    try FileManager.default.createDirectory(atPath: cache.root + "/kernels", withIntermediateDirectories: true)
    let lock = try CacheLock(path: plan.directory + ".lock", progress: progress)
    defer { withExtendedLifetime(lock) {} }
    let stamp = plan.directory + "/prepared.json"
    if let data = FileManager.default.contents(atPath: stamp),
      var tree = try? JSONDecoder().decode(PreparedTree.self, from: data), tree.inputsDigest == plan.digest,
      FileManager.default.fileExists(atPath: tree.buildRoot + "/include/generated/autoconf.h")
    {
      // The same tree with the same LLVM is done; another LLVM (a new package, an older stamp) prepares it again.
      let toolchain = try chooseToolchain(sourceRoot: tree.sourceRoot, label: plan.label)
      if toolchain.llvm == tree.toolchain.llvm {
        if tree.toolchain.compiler.isEmpty {
          tree.toolchain.compiler = Toolchain.compilerText(buildRoot: tree.buildRoot) ?? ""
          try writeStamp(tree, directory: plan.directory)
        }
        return tree
      }
    }
    return try build(plan)
  }

  /// The LLVM for the tree at `sourceRoot`, from its stated minimum and the versions this machine has.
  func chooseToolchain(sourceRoot: String, label: String) throws -> Toolchain {
    let version = PreparedTree.version(ofTreeAt: sourceRoot).map { "linux \($0)" } ?? label
    return try llvm().choose(minimum: LLVMVersions.minimum(ofTreeAt: sourceRoot), kernel: version)
  }

  func writeStamp(_ tree: PreparedTree, directory: String) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let stampTmp = directory + "/prepared.json.tmp"
    try encoder.encode(tree).write(to: URL(fileURLWithPath: stampTmp))
    guard rename(stampTmp, directory + "/prepared.json") == 0 else {
      throw KernelError.cacheUnwritable(path: directory + "/prepared.json", reason: String(cString: strerror(errno)))
    }
  }

  /// What preparing a source involves.
  struct Plan {
    var directory: String
    var digest: String
    var label: String
    var tarball: String?
    var treeRoot: String?
    var config: ConfigSource
    var configOrigin: String
    var packageVersion: String?
  }

  /// Where the `.config` comes from.
  enum ConfigSource {
    case xz(String)
    case file(String)
    case defconfig
  }

  func plan(for source: KernelSource) throws -> Plan {
    switch source {
    case .debian(let series):
      let (tar, cfg, packageVersion) = try locateOrFetch(series)
      let digest = ContentHash.combining([
        ContentHash(string: Self.identity(of: tar)), try ContentHash(contentsOf: URL(fileURLWithPath: cfg)),
      ]).description
      let dir = cache.kernelDirectory("debian-\(series)-\(DebianKernels.configFlavour.dropFirst(7).dropLast(3))")
      return Plan(
        directory: dir, digest: digest, label: series, tarball: tar, treeRoot: nil, config: .xz(cfg),
        configOrigin: "Debian's \(DebianKernels.configFlavour) from linux-config-\(series)",
        packageVersion: packageVersion)
    case .tree(let rawPath, let configPath):
      let root = URL(fileURLWithPath: rawPath).standardizedFileURL.resolvingSymlinksInPath().path
      var isDir: ObjCBool = false
      guard FileManager.default.fileExists(atPath: root, isDirectory: &isDir), isDir.boolValue else {
        throw KernelError.notAKernelTree(path: rawPath, reason: "no such directory")
      }
      guard PreparedTree.version(ofTreeAt: root) != nil else {
        throw KernelError.notAKernelTree(path: rawPath, reason: "no Makefile with VERSION and PATCHLEVEL")
      }
      for needed in ["Kconfig", "scripts/Kbuild.include", "init/main.c"]
      where !FileManager.default.fileExists(atPath: root + "/" + needed) {
        throw KernelError.notAKernelTree(path: rawPath, reason: "no \(needed)")
      }
      var config = ConfigSource.defconfig
      var origin = "the x86_64 defconfig"
      if let configPath {
        guard FileManager.default.isReadableFile(atPath: configPath) else {
          throw KernelError.configMissing(path: configPath)
        }
        config = .file(URL(fileURLWithPath: configPath).standardizedFileURL.path)
        origin = configPath
      } else if FileManager.default.fileExists(atPath: root + "/.config") {
        throw KernelError.treeNotClean(path: rawPath)
      }
      if FileManager.default.fileExists(atPath: root + "/include/config/auto.conf") {
        throw KernelError.treeNotClean(path: rawPath)
      }
      var parts = [ContentHash(string: root)]
      if case .file(let f) = config { parts.append(try ContentHash(contentsOf: URL(fileURLWithPath: f))) }
      let digest = ContentHash.combining(parts).description
      let name = URL(fileURLWithPath: root).lastPathComponent
      return Plan(
        directory: cache.kernelDirectory("tree-\(name)-\(digest.prefix(10))"), digest: digest, label: name,
        tarball: nil, treeRoot: root, config: config, configOrigin: origin, packageVersion: nil)
    }
  }

  /// Debian's series from `/usr/src` when installed, else from kwalk's cache, fetched there first if need be.
  func locateOrFetch(_ series: String) throws -> (tarball: String, config: String, packageVersion: String?) {
    do {
      let (tar, cfg) = try debian.locate(series)
      return (tar, cfg, debian.packageVersion(series))
    } catch KernelError.sourceNotInstalled {
      let archive = DebianArchive(cache: cache, progress: progress)
      try archive.fetch(series, installed: debian.installed())
      let (tar, cfg) = try DebianKernels(sourceDirectory: archive.sourceDirectory(series)).locate(series)
      return (tar, cfg, archive.fetchedVersion(series))
    }
  }

  /// Size and modification time: enough to notice a new package (or program) without reading all of it.
  public static func identity(of file: String) -> String {
    let attrs = try? FileManager.default.attributesOfItem(atPath: file)
    let size = (attrs?[.size] as? NSNumber)?.int64Value ?? -1
    let mtime = (attrs?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
    return "\(file) \(size) \(mtime)"
  }

  func build(_ plan: Plan) throws -> PreparedTree {
    let fm = FileManager.default
    for tool in [("make", "make"), ("flock", "util-linux"), ("flex", "flex"), ("bison", "bison"), ("bc", "bc"),
                 ("xz", "xz-utils"), ("tar", "tar")]
    where ProcessRunner.which(tool.0) == nil {
      throw KernelError.toolMissing(tool.0, package: tool.1)
    }
    // Start from nothing: whatever is here lacks a valid stamp.
    // A make left running by a killed run must finish first, or it would go on writing into the new tree.
    Kbuild.waitForMake(lock: Kbuild.makeLock(buildRoot: plan.directory + "/build"), progress: progress)
    try? fm.removeItem(atPath: plan.directory)
    do {
      try fm.createDirectory(atPath: plan.directory + "/logs", withIntermediateDirectories: true)
    } catch {
      throw KernelError.cacheUnwritable(path: plan.directory, reason: error.localizedDescription)
    }
    let log = plan.directory + "/logs/prepare.log"
    var sourceRoot = plan.treeRoot ?? ""
    var packageVersion: String?
    if let tarball = plan.tarball {
      let series = plan.label
      packageVersion = plan.packageVersion
      let tmp = plan.directory + "/src.tmp"
      try fm.createDirectory(atPath: tmp, withIntermediateDirectories: true)
      progress.begin("unpacking \(URL(fileURLWithPath: tarball).lastPathComponent)")
      // Debian's kernel tarballs are xz files of many blocks (6.1: 55), which xz decompresses on every core.
      let decompressor = tarball.hasSuffix(".xz") ? ["-I", "xz -T0"] : []
      let status = try ProcessRunner.run("/usr/bin/tar", decompressor + ["-xf", tarball, "-C", tmp], log: log)
      guard status == 0 else {
        progress.finish("failed")
        // Half a tree is worth nothing: the next run starts again from the tarball.
        try? fm.removeItem(atPath: tmp)
        // The first complaint after the command line says why (xz's "Unexpected end of input", tar's "EOF").
        let reason = ProcessRunner.tail(of: log).reversed().prefix { !$0.hasPrefix("$ ") }.last
        throw KernelError.tarballDamaged(
          path: tarball, package: "linux-source-\(series)",
          reason: reason?.trimmingCharacters(in: .whitespaces) ?? "tar exit \(status)")
      }
      let inner = (try fm.contentsOfDirectory(atPath: tmp)).filter { $0.hasPrefix("linux-") }.sorted()
      guard let top = inner.first else {
        throw KernelError.notAKernelTree(path: tarball, reason: "the tarball holds no linux-* directory")
      }
      try fm.moveItem(atPath: tmp + "/" + top, toPath: plan.directory + "/src")
      try? fm.removeItem(atPath: tmp)
      progress.finish("done")
      sourceRoot = plan.directory + "/src"
    }
    var toolchain = try chooseToolchain(sourceRoot: sourceRoot, label: plan.label)
    let buildRoot = plan.directory + "/build"
    try fm.createDirectory(atPath: buildRoot, withIntermediateDirectories: true)
    var targets = ["olddefconfig", "prepare"]
    switch plan.config {
    case .xz(let path):
      let out = try ProcessRunner.run(
        "/bin/sh", ["-c", "xz -dc \"$0\" > \"$1\"", path, buildRoot + "/.config"], log: log)
      guard out == 0 else {
        throw KernelError.kbuildFailed(
          step: "decompressing \(path)", status: out, log: log, tail: ProcessRunner.tail(of: log))
      }
    case .file(let path):
      try fm.copyItem(atPath: path, toPath: buildRoot + "/.config")
    case .defconfig:
      targets = ["defconfig", "prepare"]
    }
    let command = "make LLVM=1 \(targets.joined(separator: " ")) with \(toolchain.binDirectory)"
    progress.begin("configuring and preparing \(plan.label) (\(command))")
    let status = try Kbuild.make(
      sourceRoot: sourceRoot, buildRoot: buildRoot, targets: targets, toolchain: toolchain, log: log,
      progress: progress)
    guard status == 0 else {
      progress.finish("failed")
      throw KernelError.kbuildFailed(
        step: "\(command) in \(sourceRoot)", status: status, log: log, tail: ProcessRunner.tail(of: log))
    }
    toolchain.compiler = Toolchain.compilerText(buildRoot: buildRoot) ?? ""
    progress.finish(toolchain.compiler.isEmpty ? "done" : "done with \(toolchain.compiler)")
    guard let version = PreparedTree.version(ofTreeAt: sourceRoot) else {
      throw KernelError.notAKernelTree(path: sourceRoot, reason: "no Makefile with VERSION and PATCHLEVEL")
    }
    let tree = PreparedTree(
      version: version, sourceRoot: sourceRoot, buildRoot: buildRoot, cacheDirectory: plan.directory,
      configOrigin: plan.configOrigin, debianPackageVersion: packageVersion, label: plan.label,
      inputsDigest: plan.digest, toolchain: toolchain)
    try writeStamp(tree, directory: plan.directory)
    return tree
  }
}
