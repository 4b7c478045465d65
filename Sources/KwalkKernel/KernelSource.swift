import Foundation

/// Which kernel tree to read.
public enum KernelSource: Hashable, Sendable, CustomStringConvertible {
  /// Debian's `/usr/src/linux-source-<series>.tar.xz`, configured with Debian's amd64 config.
  case debian(series: String)
  /// A local tree, with an optional config file (otherwise its own `.config`, or the architecture's defconfig).
  case tree(path: String, config: String?)

  public var description: String {
    switch self {
    case .debian(let series): return "linux-source-\(series)"
    case .tree(let path, _): return path
    }
  }
}
