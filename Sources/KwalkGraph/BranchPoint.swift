import KwalkCore

/// A function on a leg from which more than one route reaches the next stop: the route taken, the routes not
/// taken, the evidence that ranked them, and the condition in the source that separates them.
public struct BranchPoint: Hashable, Codable, Sendable {
  /// One way out of the function.
  public struct Route: Hashable, Codable, Sendable {
    /// The function called first.
    public var callee: String
    /// The call's file and line.
    public var callsite: Hop.Place
    /// The functions from the branch point to where the route meets the taken one again (or the next stop).
    public var functions: [String]
    /// The route's cost from the branch point to the next stop, in tenths of a hop (see `RouteEvidence`).
    public var cost: Int
    /// The evidence beyond its length, in words.
    public var evidence: [String]
    /// Set when the scenario rules it out.
    public var ruledOut: RouteEvidence.Ruling?
  }

  /// The condition that separates the taken route from the others.
  public struct Condition: Hashable, Codable, Sendable {
    /// As a reader would say it: `if (forced_push(tp))`.
    public var text: String
    public var file: String
    public var line: Int
    /// Which route runs when it holds: `taken` or `other`.
    public var decides: String
  }

  /// The function where the routes part.
  public var function: String
  /// The stop both lead to.
  public var toward: String
  /// Index of the hop leaving `function` on the leg (0-based).
  public var hop: Int
  public var taken: Route
  /// Best first.
  public var notTaken: [Route]
  /// Per route not taken, the condition that separates it from the taken one (nil when both calls run).
  public var conditions: [Condition?]
  /// When recorded stacks made the choice, what they show, in words: the frames the taken route passes and a route
  /// not taken misses.
  public var decidedByStacks: String? = nil
}
