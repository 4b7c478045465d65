import KwalkCore
import KwalkGraph
import KwalkIndex

/// One version's side of a diff: its paths for a walkthrough, the index they came from and the tree's text.
public struct DiffSide {
  /// The kernel release.
  public var version: KernelVersion
  /// The walkthrough's legs in this version.
  public var paths: [PacketPath]
  /// The index the paths were found in.
  public var snapshot: IndexSnapshot
  /// The tree's source files.
  public var sources: SourceFiles

  public init(version: KernelVersion, paths: [PacketPath], snapshot: IndexSnapshot, sources: SourceFiles) {
    self.version = version
    self.paths = paths
    self.snapshot = snapshot
    self.sources = sources
  }

  /// The definition a hop reaches.
  func callee(_ hop: Hop) -> FunctionFact? { snapshot.functions[hop.calleeID] }

  /// The definition a hop starts from.
  func caller(_ hop: Hop) -> FunctionFact? { snapshot.functions[hop.callerID] }

  /// True when some indexed function has this name.
  func defines(_ name: String) -> Bool { !(snapshot.functionsByName[name] ?? []).isEmpty }
}
