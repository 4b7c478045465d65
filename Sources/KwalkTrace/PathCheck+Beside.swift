/// A recorded stack beside its walkthrough's path, row by row, as the text report, the verify page and its Markdown
/// show it: matched frames on one row; path functions the stack skips (inlined) with the path only; frames not on
/// the path with their verdict and why.
extension PathCheck {
  public struct BesideRow: Hashable, Sendable {
    public enum Kind: String, Sendable {
      /// The frame is the path's function at `path`.
      case onPath
      /// A path function the stack lacks between two of its frames on one leg: the running kernel inlined it.
      case inlined
      /// Before, after or between the legs.
      case outside
      /// Off the path or out of order: what makes the stack inconsistent.
      case off
      /// Between two path frames, and not in the index.
      case unknown
    }

    /// The stack's frame, empty for an inlined path function.
    public var frame: String
    /// The path function (with its leg), or the frame's verdict and reason.
    public var path: String
    public var kind: Kind
  }

  /// `stack`'s frames beside `path`, caller first.
  public static func beside(_ stack: Stack, path: [Step]) -> [BesideRow] {
    var rows: [BesideRow] = []
    var last: Int?
    for f in stack.frames {
      if f.verdict == .onPath, let p = f.position {
        if let l = last, p > l + 1, path[l].leg == path[p].leg {
          for skipped in (l + 1)..<p {
            rows.append(BesideRow(frame: "", path: "\(path[skipped].function)  (not in the stack: inlined)", kind: .inlined))
          }
        }
        rows.append(BesideRow(frame: f.name, path: "= \(path[p].function) (\(path[p].leg))", kind: .onPath))
        last = p
      } else {
        let off = f.verdict == .offPath || f.verdict == .outOfOrder
        let kind: BesideRow.Kind = off ? .off : f.verdict == .unknown ? .unknown : .outside
        rows.append(
          BesideRow(frame: f.name, path: "\(off ? "✗ " : "")\(f.verdict.rawValue)" + (f.reason.map { ": \($0)" } ?? ""),
            kind: kind))
      }
    }
    return rows
  }
}
