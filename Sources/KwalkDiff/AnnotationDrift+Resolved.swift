import KwalkAnnotate

extension AnnotationDrift {
  /// The annotations of `walkthrough` whose anchoring differs between the two versions: reworded (`changed`),
  /// lost (`orphaned`), no longer unique (`ambiguous`), or found in another file. `exact` and `moved` count as the
  /// same here: the record is taken from one kernel, so in the other nearly every anchor is `moved` by mere line
  /// shifts, which a diff ignores as it ignores pure line moves in bodies. `old` and `new` are the same
  /// annotations resolved against each version's index and source; sorted by id.
  public static func between(old: [ResolvedAnnotation], new: [ResolvedAnnotation], walkthrough: String)
    -> [AnnotationDrift]
  {
    let before = Dictionary(old.map { ($0.annotation.id, $0) }, uniquingKeysWith: { a, _ in a })
    var out: [AnnotationDrift] = []
    for n in new where n.annotation.walkthrough == walkthrough {
      guard let o = before[n.annotation.id] else { continue }
      let ol = o.location.map { "\($0.path):\($0.line)" }
      let nl = n.location.map { "\($0.path):\($0.line)" }
      let sameFile = o.location?.path == n.location?.path
      func found(_ s: AnchorStatus) -> Bool { s == .exact || s == .moved }
      guard (o.status != n.status && !(found(o.status) && found(n.status))) || !sameFile else { continue }
      out.append(
        AnnotationDrift(
          id: n.annotation.id, oldStatus: o.status.rawValue, oldLocation: ol, newStatus: n.status.rawValue,
          newLocation: nl, detail: n.detail))
    }
    return out.sorted { $0.id < $1.id }
  }
}
