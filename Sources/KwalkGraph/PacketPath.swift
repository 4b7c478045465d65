import KwalkCore

/// One leg of a walkthrough as found in a kernel: the hops from entry to exit, and other routes the graph offers.
public struct PacketPath: Hashable, Codable, Sendable {
  /// A different route between two consecutive stops.
  public struct Alternative: Hashable, Codable, Sendable {
    public var from: String
    public var to: String
    /// Function names along it.
    public var functions: [String]
  }

  public var walkthrough: String
  public var direction: String
  public var kernel: String
  public var hops: [Hop]
  public var alternatives: [Alternative]

  /// The functions visited in order.
  public var functions: [String] { hops.isEmpty ? [] : [hops[0].caller] + hops.map(\.callee) }
}

/// Why a path could not be built.
public enum PathError: Error, CustomStringConvertible, Equatable {
  case unknownFunction(String, walkthrough: String)
  case cannotJoin(from: String, to: String, walkthrough: String, blocker: String?)
  case constraintMatchesNothing(field: String, choose: String, candidates: [String], spec: String, line: Int)
  case noSoftirqEntry(entry: String, after: String)
  case unknownDirection(String, available: [String])

  public var description: String {
    switch self {
    case .unknownFunction(let name, let w):
      return "walkthrough \(w) names \(name), which no indexed file defines: check the name or index the file that "
        + "defines it"
    case .cannotJoin(let from, let to, let w, let blocker):
      return "walkthrough \(w): no path from \(from) to \(to)"
        + (blocker.map { " (blocked at the unresolved pointer \($0))" } ?? "")
        + ": add a waypoint between them or index the file that binds the pointer"
    case .constraintMatchesNothing(let field, let choose, let candidates, let spec, let line):
      return "\(spec):\(line): context \(field) = \(choose) matches no candidate (found: "
        + "\(candidates.isEmpty ? "none" : candidates.joined(separator: ", ")))"
    case .noSoftirqEntry(let entry, let after):
      return "no softirq raised at the end of \(after) reaches \(entry)"
    case .unknownDirection(let d, let available):
      return "unknown direction '\(d)': this walkthrough has \(available.joined(separator: ", "))"
    }
  }
}
