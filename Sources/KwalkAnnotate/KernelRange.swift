import KwalkCore

/// The kernel series a note is about (`kernels: 5.12-`, `kernels: -7.1`, `kernels: 6.1-6.12`), for a note on code
/// that only some versions have. A kernel outside the range does not place the note and does not report it orphaned.
public struct KernelRange: Hashable, Codable, Sendable, CustomStringConvertible {
  /// The first series it is about, if bounded below.
  public var from: KernelVersion?
  /// The last series it is about, if bounded above.
  public var through: KernelVersion?

  /// Parses `A-`, `-B`, `A-B` or `A` (one series), where each is a `major.minor` series; nil otherwise.
  public init?(_ text: String) {
    let t = text.trimmingCharacters(in: .whitespaces)
    let parts = t.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    func series(_ s: String) -> KernelVersion?? {
      if s.isEmpty { return .some(nil) }
      guard let v = KernelVersion(s), v.sublevel == nil else { return nil }
      return .some(v)
    }
    if parts.count == 1 {
      guard let v = KernelVersion(parts[0]), v.sublevel == nil else { return nil }
      from = v
      through = v
      return
    }
    guard let a = series(parts[0]), let b = series(parts[1]), a != nil || b != nil else { return nil }
    from = a
    through = b
    if let a, let b, b < a { return nil }
  }

  /// Whether a kernel of `version` is in the range (by series: 6.12.117 is in `-6.12`).
  public func contains(_ version: KernelVersion) -> Bool {
    let series = KernelVersion(major: version.major, minor: version.minor)
    if let from, series < from { return false }
    if let through, through < series { return false }
    return true
  }

  public var description: String { (from?.series ?? "") + "-" + (through?.series ?? "") }
}
