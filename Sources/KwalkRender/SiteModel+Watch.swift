import KwalkGraph

extension SiteModel.Leg {
  /// Fills in what each step and the leg's entry function read, count and drop (`kwalk knobs`'s facts).
  public mutating func attachWatch(_ join: ObservabilityJoin) {
    let observed = join.observations(for: path)
    for (i, o) in observed.hops.enumerated() where i < steps.count { steps[i].watch = o }
    entryWatch = observed.entry.flatMap { $0.isEmpty ? nil : $0 }
  }
}
