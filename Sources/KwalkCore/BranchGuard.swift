/// One statement around a call that decides whether the call runs: the `if` it sits in (or the `else`), the `case`
/// of a `switch`, or the loop whose body holds it. A call site lists them outermost first; the route finder weighs
/// them as evidence and shows the one that separates two routes as the condition of a branch point.
public struct BranchGuard: Hashable, Codable, Sendable {
  public enum Kind: String, Hashable, Codable, Sendable {
    /// The call is in the `if`'s then branch: it runs when `condition` holds.
    case then
    /// The call is in the `else` branch: it runs when `condition` does not hold.
    case otherwise
    /// The call follows a `case` or `default` label of a `switch` on `condition`.
    case switchCase
    /// The call is in the body of a `while`, `for` or `do` loop; `condition` is the loop's header.
    case loop
  }

  /// A branch hint written around the condition.
  public enum Hint: String, Hashable, Codable, Sendable {
    /// `likely(...)`: the author expects the condition to hold.
    case likely
    /// `unlikely(...)`: the author expects it not to.
    case unlikely
  }

  public var kind: Kind
  /// The condition as written, whitespace folded: `forced_push(tp)`, `unlikely(err)`; for a `switch`, the switched
  /// expression followed by ` / ` and the label (`pf / case NFPROTO_IPV4`).
  public var condition: String
  /// Where the condition starts (for a macro-made statement, where the macro is invoked).
  public var location: SourceLocation
  /// The hint wrapped around the whole condition, if any.
  public var hint: Hint?

  public init(kind: Kind, condition: String, location: SourceLocation, hint: Hint?) {
    self.kind = kind
    self.condition = condition
    self.location = location
    self.hint = hint
  }
}
