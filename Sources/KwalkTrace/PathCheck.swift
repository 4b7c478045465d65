/// How one walkthrough's recorded stacks compare with its path: every frame the path knows must come in the path's
/// order; frames beside it are named.
public struct PathCheck: Hashable, Codable, Sendable {
  /// What a stack as a whole says about the path.
  public enum StackStatus: String, Codable, Sendable, CaseIterable {
    /// Its path frames come in the path's order with nothing the index knows between them.
    case consistent
    /// A frame the index knows sits between two path frames of one leg without being on the path, or path frames
    /// come in another order: the kernel went another way.
    case inconsistent
    /// Consistent, except for frames between path frames that the index does not know (another version's
    /// function, or one in a file not indexed).
    case versionGap
    /// No frame of the stack is on the path (the reader's own system call, a timer, …).
    case outside
  }

  /// What one frame of a stack is to the path.
  public enum FrameVerdict: String, Codable, Sendable {
    /// On the path, at `position`.
    case onPath
    /// Before the first path frame, after the last, or between two legs (how the softirq came to run, a packet
    /// sent on the way, such as an ACK): outside the walkthrough's span.
    case outside
    /// Indexed, between two path frames of one leg, not on the path.
    case offPath
    /// On the path, but earlier in the same leg than the frame that called it.
    case outOfOrder
    /// Between two path frames of one leg, and not in the index.
    case unknown
  }

  /// One frame, outermost first.
  public struct Frame: Hashable, Codable, Sendable {
    public var name: String
    public var verdict: FrameVerdict
    /// Index into `PathCheck.path` for `onPath` and `outOfOrder` frames.
    public var position: Int?
    /// Why, for frames that are not plainly on the path.
    public var reason: String?
  }

  /// One recorded stack.
  public struct Stack: Hashable, Codable, Sendable {
    /// The event it was recorded with and its line in the trace.
    public var event: String
    public var line: Int
    public var status: StackStatus
    public var frames: [Frame]
  }

  /// One function of the walkthrough's path, with its leg.
  public struct Step: Hashable, Codable, Sendable {
    public var function: String
    /// `send`, `receive`, … (the leg's direction).
    public var leg: String
  }

  public var walkthrough: String
  /// Every leg's functions in order; a leg entered by a softirq starts at the handler.
  public var path: [Step]
  /// How many stacks were checked, by status.
  public var counts: [String: Int]
  /// The first inconsistent stack, if any.
  public var firstInconsistent: Stack?
  /// Frames off the path or out of order, distinct, sorted, with how many stacks hold each.
  public var offPathFrames: [String: Int]
  /// Frames the index does not know, found between path frames, with the reason (not in the tree, not indexed).
  public var unknownFrames: [String: String]

  public func count(_ s: StackStatus) -> Int { counts[s.rawValue] ?? 0 }
  /// Stacks checked in all.
  public var stacks: Int { counts.values.reduce(0, +) }
}
