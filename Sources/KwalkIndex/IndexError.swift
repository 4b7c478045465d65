/// Why indexing could not proceed.
public enum IndexError: Error, CustomStringConvertible {
  /// A starting file that does not exist in the tree.
  case noSuchFile(String)
  /// A starting file kbuild does not build in this config.
  case notBuilt(String, log: String)

  public var description: String {
    switch self {
    case .noSuchFile(let f): return "\(f) is not in the kernel tree: name a .c file relative to the tree's top"
    case .notBuilt(let f, let log):
      return "kbuild does not build \(f) in this config, so it has no compile command; see \(log)"
    }
  }
}
