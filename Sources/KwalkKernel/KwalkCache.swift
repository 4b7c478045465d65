import Foundation

/// kwalk's cache directory: `--cache DIR`, else `$XDG_CACHE_HOME/kwalk`, else `~/.cache/kwalk`.
public struct KwalkCache: Hashable, Sendable {
  /// The directory.
  public var root: String

  public init(root: String) { self.root = root }

  /// The default location from the environment.
  public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> KwalkCache {
    if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty { return KwalkCache(root: xdg + "/kwalk") }
    let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    return KwalkCache(root: home + "/.cache/kwalk")
  }

  /// The directory of one prepared kernel.
  func kernelDirectory(_ key: String) -> String { root + "/kernels/" + key }
}
