/// Why a kernel tree could not be provided.
public enum KernelError: Error, CustomStringConvertible, Equatable {
  /// The Debian source package for a plausible version is missing.
  case sourceNotInstalled(series: String, installed: [String])
  /// The Debian config package is missing.
  case configNotInstalled(series: String, path: String)
  /// `--kernel` is not a version.
  case unknownKernel(String, installed: [String])
  /// `--tree` is not a kernel tree.
  case notAKernelTree(path: String, reason: String)
  /// The tree was configured in place, which kbuild refuses for out-of-tree builds.
  case treeNotClean(path: String)
  /// `--config` names no readable file.
  case configMissing(path: String)
  /// A kbuild step failed.
  case kbuildFailed(step: String, status: Int32, log: String, tail: [String])
  /// A tool kwalk runs is missing.
  case toolMissing(String, package: String)
  /// A source file that kbuild does not build in this config.
  case notBuilt(file: String, log: String)
  /// The cache could not be written.
  case cacheUnwritable(path: String, reason: String)
  /// A source tarball that tar cannot read to its end (a truncated download, a damaged disk).
  case tarballDamaged(path: String, package: String, reason: String)

  public var description: String {
    switch self {
    case .sourceNotInstalled(let series, let installed):
      return "linux-source-\(series) is not installed: apt-get install linux-source-\(series)"
        + Self.installedList(installed)
    case .configNotInstalled(let series, let path):
      return "\(path) is missing: apt-get install linux-config-\(series)"
    case .unknownKernel(let value, let installed):
      return "unknown kernel '\(value)': pass a Debian series such as 6.1"
        + (installed.isEmpty ? " (none is installed: apt-get install linux-source-6.1)" : Self.installedList(installed))
    case .notAKernelTree(let path, let reason):
      return "\(path) is not a kernel tree (\(reason)): point --tree at the top of a Linux source tree"
    case .treeNotClean(let path):
      return "\(path) is configured in place, so kbuild cannot build it out of tree: run 'make mrproper' there "
        + "and pass its old .config with --config"
    case .configMissing(let path):
      return "config file \(path) cannot be read: pass an existing kernel .config with --config"
    case .kbuildFailed(let step, let status, let log, _):
      return "\(step) failed (exit \(status)); see \(log)"
    case .toolMissing(let tool, let package):
      return "\(tool) is not installed: apt-get install \(package)"
    case .notBuilt(let file, let log):
      return "kbuild does not build \(file) in this config (no object); see \(log)"
    case .cacheUnwritable(let path, let reason):
      return "cannot write kwalk's cache at \(path): \(reason); pass --cache DIR"
    case .tarballDamaged(let path, let package, let reason):
      return "\(path) is damaged (\(reason)): reinstall it with apt-get install --reinstall \(package)"
    }
  }

  /// Extra lines worth showing under the one-line message (kbuild's last lines).
  public var details: [String] {
    if case .kbuildFailed(_, _, _, let tail) = self { return tail }
    return []
  }

  private static func installedList(_ installed: [String]) -> String {
    installed.isEmpty ? "" : " (installed: \(installed.joined(separator: ", ")))"
  }
}
