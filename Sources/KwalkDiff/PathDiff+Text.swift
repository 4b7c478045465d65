extension PathDiff {
  /// The terminal report: changed positions only, each with its facts and body hunks, then one summary line.
  public var text: String {
    var out = "# \(walkthrough): \(from) → \(to)\n"
    for leg in legs {
      let changed = leg.changedHops
      out += "\n## \(leg.direction): \(leg.oldHops) → \(leg.newHops) hops, \(changed.count) changed\n"
      if let b = leg.entryBody {
        out += "\nentry \(b.headline)\n"
        out += Self.hunksText(b)
      }
      if let r = leg.runs {
        out += "\nruns: \(r.headline)\n  \(r.old.joined(separator: " → "))\n  \(r.new.joined(separator: " → "))\n"
      }
      for h in changed {
        out += "\n\(h.relation.rawValue): \(h.title)\n"
        for d in h.details { out += "  \(d.label): \(d.text)\n" }
        if let b = h.body { out += Self.hunksText(b) }
      }
      if !leg.watch.isEmpty {
        out += "\nwatch and tune:\n" + leg.watch.map { "  \($0.line)\n" }.joined()
      }
      if leg.events.isChanged {
        out += "\nevents: " + leg.events.steps.map { "\($0.op)\($0.event)" }.joined(separator: " ") + "\n"
      }
    }
    if !annotationDrift.isEmpty {
      out += "\n## annotations\n"
      for a in annotationDrift {
        out += "  \(a.id): \(a.oldStatus)\(a.oldLocation.map { " at " + $0 } ?? "") → \(a.newStatus)"
          + "\(a.newLocation.map { " at " + $0 } ?? ""): \(a.detail)\n"
      }
    }
    out += "\nsummary: \(summary.line)\n"
    return out
  }

  static func hunksText(_ b: BodyDiff) -> String {
    var out = ""
    for h in b.hunks {
      out += "    @@\n"
      for l in h { out += "    \(l.rendered)\n" }
    }
    return out
  }
}
