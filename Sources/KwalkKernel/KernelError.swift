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
  /// The tree needs an LLVM newer than any Debian package this machine's apt sources offer.
  case llvmUnavailable(kernel: String, minimum: String, available: [Int])
  /// The LLVM the tree needs is packaged but not installed.
  case llvmNotInstalled(kernel: String, minimum: String, packages: [String])
  /// No configured Debian suite carries the series.
  case seriesUnavailable(series: String, available: [String], installed: [String])
  /// The archive could not be read.
  case archiveUnreachable(uri: String, series: String, reason: String)
  /// This machine's apt names no Debian archive to fetch from.
  case archiveUnknown(series: String)

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
    case .llvmUnavailable(let kernel, let minimum, let available):
      let known = available.isEmpty ? "none" : available.map(String.init).joined(separator: ", ")
      return "\(kernel) needs LLVM \(minimum) or later, which no Debian package here provides "
        + "(Debian LLVMs known to apt: \(known)); "
        + "use a kernel that builds with one of them"
    case .llvmNotInstalled(let kernel, let minimum, let packages):
      return "\(kernel) needs LLVM \(minimum) or later: apt-get install \(packages.joined(separator: " "))"
    case .seriesUnavailable(let series, let available, let installed):
      return "no Debian suite (\(AptSources.suites.joined(separator: ", "))) carries linux-source-\(series): "
        + "pass one of \(available.isEmpty ? "none" : available.joined(separator: ", "))"
        + Self.installedList(installed)
    case .archiveUnreachable(let uri, let series, let reason):
      return "cannot reach the Debian archive \(uri) to fetch linux-source-\(series) (\(reason)): check the network, "
        + "or install linux-source-\(series) and linux-config-\(series) by hand (apt-get install, or dpkg -i)"
    case .archiveUnknown(let series):
      return "linux-source-\(series) is not installed and this machine's apt names no Debian archive to fetch it from: "
        + "apt-get install linux-source-\(series) linux-config-\(series)"
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
