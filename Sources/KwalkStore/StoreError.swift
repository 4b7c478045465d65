/// Why the index database could not be used.
public enum StoreError: Error, CustomStringConvertible {
  /// The file is not a kwalk database, or is damaged; it was moved aside and rebuilt.
  case rebuilt(path: String, reason: String)
  /// SQLite failed.
  case sqlite(path: String, message: String)

  public var description: String {
    switch self {
    case .rebuilt(let path, let reason): return "\(path) was not a usable kwalk index (\(reason)); rebuilt it"
    case .sqlite(let path, let message): return "sqlite error in \(path): \(message)"
    }
  }
}
