/// Annotation files kwalk cannot use.
public enum AnnotationError: Error, CustomStringConvertible, Equatable {
  /// The front matter is not what Annotations/README.md describes.
  case malformed(file: String, line: Int, reason: String)
  /// Two annotations share an id.
  case duplicateID(String, file: String, line: Int, first: String)
  /// The anchor names a function that no indexed kernel defines and that was never recorded.
  case unknownFunction(String, file: String, line: Int, kernels: [String])
  /// The annotations directory cannot be read.
  case unreadable(String)
  /// The note's walkthrough has no spec in `walkthroughs/` (`known` are the specs there).
  case unknownWalkthrough(String, file: String, line: Int, known: [String])
  /// The note's direction is not a leg of its walkthrough's spec (`legs`, in the spec's order), nor `overview`.
  case unknownLeg(String, walkthrough: String, file: String, line: Int, legs: [String])

  public var description: String {
    switch self {
    case .malformed(let file, let line, let reason):
      return "\(file):\(line): \(reason): fix the front matter (see Annotations/README.md)"
    case .duplicateID(let id, let file, let line, let first):
      return "\(file):\(line): annotation id \(id) is already used at \(first): give it a unique id"
    case .unknownFunction(let name, let file, let line, let kernels):
      return "\(file):\(line): function \(name) is not defined in any indexed kernel (\(kernels.joined(separator: ", "))): "
        + "check the name"
    case .unreadable(let path):
      return "cannot read annotations in \(path): pass --annotations DIR"
    case .unknownWalkthrough(let name, let file, let line, let known):
      return "\(file):\(line): no walkthrough spec is named \(name) (walkthroughs/ has "
        + "\(known.isEmpty ? "none" : known.joined(separator: ", "))): name one of them or add its spec"
    case .unknownLeg(let direction, let walkthrough, let file, let line, let legs):
      return "\(file):\(line): walkthrough \(walkthrough) has no leg '\(direction)' (its legs: "
        + "\(legs.joined(separator: ", "))): use one of them, or overview, as the direction"
    }
  }
}
