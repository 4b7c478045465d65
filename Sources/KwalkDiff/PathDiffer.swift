import KwalkCore
import KwalkGraph

/// Compares one walkthrough's paths in two kernel versions.
public struct PathDiffer {
  public let old: DiffSide
  public let new: DiffSide
  let bodies: BodyDiffer
  /// Where each version's index says the macros calls go through are defined.
  let oldMacros: MacroChain
  let newMacros: MacroChain

  public init(old: DiffSide, new: DiffSide) {
    self.old = old
    self.new = new
    bodies = BodyDiffer(old: old, new: new)
    oldMacros = MacroChain(snapshot: old.snapshot)
    newMacros = MacroChain(snapshot: new.snapshot)
  }

  /// The diff of walkthrough `name`: legs matched by direction.
  public func diff(walkthrough name: String, annotationDrift: [AnnotationDrift] = []) throws -> PathDiff {
    guard old.version != new.version else { throw DiffError.sameVersion(old.version.description) }
    var legs: [LegDiff] = []
    for o in old.paths {
      guard let n = new.paths.first(where: { $0.direction == o.direction }) else {
        throw DiffError.missingLeg(walkthrough: name, direction: o.direction, version: new.version.description)
      }
      legs.append(leg(o, n))
    }
    for n in new.paths where !old.paths.contains(where: { $0.direction == n.direction }) {
      throw DiffError.missingLeg(walkthrough: name, direction: n.direction, version: old.version.description)
    }
    return PathDiff(
      walkthrough: name, from: old.version.description, to: new.version.description, legs: legs,
      annotationDrift: annotationDrift.sorted { $0.id < $1.id })
  }

  /// One leg: align, compare each aligned position, then settle which tracepoints moved along the path.
  func leg(_ o: PacketPath, _ n: PacketPath) -> LegDiff {
    let alignment = Self.specRenames(
      align(o.hops, n.hops, oldNames: Self.specNames(o), newNames: Self.specNames(n)), o.hops, n.hops)
    var hops = alignment.entries.map { compare($0, o.hops, n.hops) }
    Self.settleTracepointMoves(&hops)
    var entryBody: BodyDiff?
    if let first = o.hops.first, let newFirst = n.hops.first, first.kind != .softirq,
      let a = old.caller(first), let b = new.caller(newFirst)
    {
      entryBody = bodies.diff(a, b, oldPath: pathLines(o.hops, from: a), newPath: pathLines(n.hops, from: b))
    }
    var diff = LegDiff(
      direction: o.direction, oldHops: o.hops.count, newHops: n.hops.count, hops: hops, entryBody: entryBody,
      events: EventSequenceDiff(old: o.hops.flatMap(\.tracepoints), new: n.hops.flatMap(\.tracepoints)))
    diff.runs = RunsChange.between(o, n)
    diff.watch = WatchChange.between(
      o, LegObservations(path: o, join: ObservabilityJoin(snapshot: old.snapshot)),
      n, LegObservations(path: n, join: ObservabilityJoin(snapshot: new.snapshot)))
    return diff
  }

  /// Aligns two legs' hops by the names given (default: the callees).
  func align(_ o: [Hop], _ n: [Hop], oldNames: [String]? = nil, newNames: [String]? = nil) -> HopAlignment {
    HopAlignment(
      old: oldNames ?? o.map(\.callee), new: newNames ?? n.map(\.callee),
      isRenameCandidate: { i, j in !new.defines(o[i].callee) && !old.defines(n[j].callee) },
      similarity: { i, j in
        guard let a = old.callee(o[i]), let b = new.callee(n[j]) else { return 0 }
        return bodies.similarity(a, b)
      },
      absorbs: { whole, part, partIsNew in
        // Split: old hop `whole` enters F, new hop `part` enters the function now holding F's body.
        // Merge: new hop `whole` enters F, old hop `part` entered the helper whose body F now holds.
        let (oldHop, newHop) = partIsNew ? (o[whole], n[part]) : (o[part], n[whole])
        let (wholeName, partName) = partIsNew ? (oldHop.callee, newHop.callee) : (newHop.callee, oldHop.callee)
        if partName != wholeName && partName.contains(wholeName) { return true }
        guard let a = old.callee(oldHop), let b = new.callee(newHop) else { return false }
        return bodies.similarity(a, b) >= HopAlignment.threshold
      })
  }

  /// Lines of the calls the path makes out of function `f`, in `f`'s own file.
  func pathLines(_ hops: [Hop], from f: FunctionFact) -> Set<Int> {
    Set(hops.filter { $0.callerID == f.id && $0.callsite.file == f.location.path.value }.map(\.callsite.line))
  }
}
