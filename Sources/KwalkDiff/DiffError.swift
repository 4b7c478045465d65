/// Why two versions cannot be compared.
public enum DiffError: Error, CustomStringConvertible, Equatable {
  /// Both sides name the same kernel.
  case sameVersion(String)
  /// A walkthrough's path cannot be built in one version.
  case walkthroughFails(walkthrough: String, version: String, reason: String)
  /// A leg exists in one version's spec only.
  case missingLeg(walkthrough: String, direction: String, version: String)

  public var description: String {
    switch self {
    case .sameVersion(let v):
      return "--from and --to both name kernel \(v): pass two different kernels"
    case .walkthroughFails(let w, let v, let reason):
      return "walkthrough \(w) fails in kernel \(v): \(reason)"
    case .missingLeg(let w, let d, let v):
      return "walkthrough \(w) has no \(d) leg in kernel \(v): diff needs the same legs in both"
    }
  }
}
