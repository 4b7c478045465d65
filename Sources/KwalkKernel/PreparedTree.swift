import Foundation
import KwalkCore

/// A kernel tree ready to be read: unpacked, configured and prepared by kbuild, with a place for kwalk's files.
public struct PreparedTree: Codable, Hashable, Sendable {
  /// The kernel release from the tree's Makefile (`6.1.192`).
  public var version: KernelVersion
  /// Top of the source tree.
  public var sourceRoot: String
  /// kbuild's output directory (`O=`).
  public var buildRoot: String
  /// This tree's directory in kwalk's cache (database, compile commands, logs).
  public var cacheDirectory: String
  /// Where the config came from (`config.amd64_none_amd64.xz from linux-config-6.1`).
  public var configOrigin: String
  /// Debian's package version (`6.1.192-2`), for Debian sources.
  public var debianPackageVersion: String?
  /// A short label (`6.1`, or the tree's directory name).
  public var label: String
  /// Digest of the inputs that produced this tree (tarball identity, config), for the stamp.
  public var inputsDigest: String
  /// The LLVM kbuild ran; its libclang parses the tree. Stamps written before kwalk chose toolchains lack it: those
  /// trees were built with Debian's default clang 14.
  public var toolchain: Toolchain

  /// Maps compiler paths to tree paths.
  public var paths: TreePathMapper { TreePathMapper(sourceRoot: sourceRoot, buildRoot: buildRoot) }

  /// `compile_commands.json` in the cache.
  public var compileDatabasePath: String { cacheDirectory + "/compile_commands.json" }

  /// The SQLite index.
  public var databasePath: String { cacheDirectory + "/kwalk.sqlite" }

  /// Directory for kbuild logs.
  public var logDirectory: String { cacheDirectory + "/logs" }

  public init(
    version: KernelVersion, sourceRoot: String, buildRoot: String, cacheDirectory: String, configOrigin: String,
    debianPackageVersion: String?, label: String, inputsDigest: String,
    toolchain: Toolchain = Toolchain(llvm: LLVMVersions.preferred)
  ) {
    self.version = version
    self.sourceRoot = sourceRoot
    self.buildRoot = buildRoot
    self.cacheDirectory = cacheDirectory
    self.configOrigin = configOrigin
    self.debianPackageVersion = debianPackageVersion
    self.label = label
    self.inputsDigest = inputsDigest
    self.toolchain = toolchain
  }

  private enum CodingKeys: String, CodingKey {
    case version, sourceRoot, buildRoot, cacheDirectory, configOrigin, debianPackageVersion, label, inputsDigest
    case toolchain
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    version = try c.decode(KernelVersion.self, forKey: .version)
    sourceRoot = try c.decode(String.self, forKey: .sourceRoot)
    buildRoot = try c.decode(String.self, forKey: .buildRoot)
    cacheDirectory = try c.decode(String.self, forKey: .cacheDirectory)
    configOrigin = try c.decode(String.self, forKey: .configOrigin)
    debianPackageVersion = try c.decodeIfPresent(String.self, forKey: .debianPackageVersion)
    label = try c.decode(String.self, forKey: .label)
    inputsDigest = try c.decode(String.self, forKey: .inputsDigest)
    toolchain = try c.decodeIfPresent(Toolchain.self, forKey: .toolchain) ?? Toolchain(llvm: LLVMVersions.preferred)
  }

  /// Reads `VERSION`, `PATCHLEVEL` and `SUBLEVEL` from a tree's top Makefile.
  public static func version(ofTreeAt root: String) -> KernelVersion? {
    guard let text = try? String(contentsOfFile: root + "/Makefile", encoding: .utf8) else { return nil }
    var values: [String: Int] = [:]
    for line in text.split(separator: "\n").prefix(12) {
      let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
      if parts.count == 2, ["VERSION", "PATCHLEVEL", "SUBLEVEL"].contains(parts[0]), let n = Int(parts[1]) {
        values[parts[0]] = n
      }
    }
    guard let major = values["VERSION"], let minor = values["PATCHLEVEL"] else { return nil }
    return KernelVersion(major: major, minor: minor, sublevel: values["SUBLEVEL"])
  }
}
