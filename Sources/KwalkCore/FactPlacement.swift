/// Where in its function a fact sits, seen from the function's top-level statements: on the line a packet runs
/// through when nothing goes wrong, inside a branch that may or may not run, or on an exit reached only by a jump
/// (the `drop:` labels at the end of a kernel function).
public enum FactPlacement: String, Hashable, Comparable, Codable, Sendable {
  /// A top-level statement reached by falling through from the entry.
  case mainLine
  /// Inside a top-level `if`, `switch`, loop or block.
  case branch
  /// After a top-level label that only a jump reaches, or that leads to a drop.
  case exit

  /// Main line first, then branches, then exits.
  var rank: Int { self == .mainLine ? 0 : self == .branch ? 1 : 2 }

  public static func < (a: FactPlacement, b: FactPlacement) -> Bool { a.rank < b.rank }
}
