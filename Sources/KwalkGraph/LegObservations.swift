import KwalkCore

/// What to watch and tune along one leg of a walkthrough: the entry function, then one entry per hop.
public struct LegObservations: Hashable, Codable, Sendable {
  /// One step: its number in the leg (the entry is 0, hops from 1), and the facts.
  public struct Step: Hashable, Codable, Sendable {
    public var step: Int
    public var caller: String
    public var function: String
    public var observations: HopObservations
  }

  public var walkthrough: String
  public var direction: String
  public var kernel: String
  /// Steps with something to show, in order.
  public var steps: [Step]

  public init(path: PacketPath, join: ObservabilityJoin) {
    walkthrough = path.walkthrough
    direction = path.direction
    kernel = path.kernel
    let (entry, hops) = join.observations(for: path)
    var steps: [Step] = []
    if let entry, !entry.isEmpty {
      steps.append(Step(step: 0, caller: "", function: entry.function, observations: entry))
    }
    for (i, (hop, o)) in zip(path.hops, hops).enumerated() where !o.isEmpty {
      steps.append(Step(step: i + 1, caller: hop.caller, function: hop.callee, observations: o))
    }
    self.steps = steps
  }

  /// The counters the leg predicts on its main line, in order, each with how many times one packet moves it.
  public var mainLineCounters: [(counter: WatchedCounter, step: Int)] {
    steps.flatMap { s in s.observations.counters.filter { $0.placement == .mainLine }.map { ($0, s.step) } }
  }
}
