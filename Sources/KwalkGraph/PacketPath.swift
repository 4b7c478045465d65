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

  /// A stop of the spec as this kernel has it.
  public struct Stop: Hashable, Codable, Sendable {
    /// The name the spec gives first.
    public var name: String
    /// The name this kernel defines (another of the spec's names for it), or nil for an optional stop it lacks.
    public var used: String?
    /// The function, when found.
    public var id: SymbolID?

    private enum CodingKeys: String, CodingKey { case name, used }
  }

  public var walkthrough: String
  public var direction: String
  public var kernel: String
  public var hops: [Hop]
  public var alternatives: [Alternative]
  /// The spec's stops that this kernel has under another name or lacks (`used` nil); stops found under their first
  /// name are not listed.
  public var renamedStops: [Stop] = []
  /// For a leg started by a softirq: the calls that run it in this scenario, from a function on the previous leg to
  /// the entry (the spec's `runs:`).
  public var runs: [Hop] = []
  /// Where another route reached the same stop, and why this one was taken.
  public var branchPoints: [BranchPoint] = []
  /// What the route's functions do beside it.
  public var sideSteps: [SideStep] = []
  /// Functions the route passes because stacks recorded on a running kernel show them between two of its stops
  /// (`PathFinder.stacks`), in order.
  public var stackStops: [String] = []

  /// How this kernel names the spec's stops, for a reader: `__netif_rx is netif_rx here; __udp4_lib_rcv is absent`.
  public var stopNote: String? {
    guard !renamedStops.isEmpty else { return nil }
    return renamedStops.map { s in s.used.map { "\(s.name) is \($0) here" } ?? "\(s.name) is absent (optional)" }
      .joined(separator: "; ")
  }

  /// The functions visited in order.
  public var functions: [String] { hops.isEmpty ? [] : [hops[0].caller] + hops.map(\.callee) }

  /// The functions of the `runs:` chain in order, from where the softirq runs to the leg's entry.
  public var runsFunctions: [String] { runs.isEmpty ? [] : [runs[0].caller] + runs.map(\.callee) }
}

/// Why a path could not be built.
public enum PathError: Error, CustomStringConvertible, Equatable {
  case unknownFunction(String, walkthrough: String)
  case unknownFunctionNames([String], walkthrough: String)
  case cannotJoin(from: String, to: String, walkthrough: String, blocker: String?)
  case constraintMatchesNothing(field: String, choose: String, candidates: [String], spec: String, line: Int)
  case noSoftirqEntry(entry: String, after: String)
  case unknownDirection(String, available: [String])
  case ruledOut(from: String, to: String, walkthrough: String, term: String, reason: String, file: String, line: Int)
  case noRunsStart(leg: String, walkthrough: String, written: String)

  public var description: String {
    switch self {
    case .unknownFunction(let name, let w):
      return "walkthrough \(w) names \(name), which no indexed file defines: check the name or index the file that "
        + "defines it"
    case .unknownFunctionNames(let names, let w):
      return "walkthrough \(w) names \(names[0]) (also called \(names.dropFirst().joined(separator: ", "))), and no "
        + "indexed file defines any of these: check the names or index the file that defines it"
    case .cannotJoin(let from, let to, let w, let blocker):
      return "walkthrough \(w): no path from \(from) to \(to)"
        + (blocker.map { " (blocked at the unresolved pointer \($0))" } ?? "")
        + ": add a waypoint between them or index the file that binds the pointer"
    case .constraintMatchesNothing(let field, let choose, let candidates, let spec, let line):
      return "\(spec):\(line): context \(field) = \(choose) matches no candidate (found: "
        + "\(candidates.isEmpty ? "none" : candidates.joined(separator: ", ")))"
    case .noSoftirqEntry(let entry, let after):
      return "no softirq raised at the end of \(after) reaches \(entry)"
    case .ruledOut(let from, let to, let w, let term, let reason, let file, let line):
      return "walkthrough \(w): \(to) is reached from \(from) only through code the scenario rules out (\(term): "
        + "\(reason) at \(file):\(line)): add a waypoint, or drop '\(term)' from [scenario] if the traffic needs it"
    case .noRunsStart(let leg, let w, let written):
      return "walkthrough \(w): 'runs:' begins at \(written), which is not on the \(leg) leg, and no function on the "
        + "\(leg) leg disables bottom halves before its onward call and enables them after it: begin 'runs:' with "
        + "the \(leg) leg's function where the softirq runs"
    case .unknownDirection(let d, let available):
      return "unknown direction '\(d)': this walkthrough has \(available.joined(separator: ", "))"
    }
  }
}
