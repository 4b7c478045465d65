import KwalkGraph

/// Which legs a note may be about: the parser accepts any name as a `direction`, because only the walkthrough's spec
/// knows its legs (icmp-echo has `reply` and `reply-receive` besides `send` and `receive`). Checked where notes and
/// specs meet (`Workspace`), so a typo in a direction stops every command instead of leaving the note on no leg.
public enum AnnotationLegs {
  /// Throws for the first note (in file order) whose walkthrough has no spec, or whose direction is neither
  /// `overview` nor a leg that spec declares.
  public static func check(_ annotations: [Annotation], specs: [WalkthroughSpec]) throws {
    var legs: [String: [String]] = [:]
    for spec in specs where legs[spec.name] == nil { legs[spec.name] = spec.legs.map(\.direction) }
    for note in annotations {
      let file = InputText.fileName(note.file)
      guard let declared = legs[note.walkthrough] else {
        throw AnnotationError.unknownWalkthrough(
          note.walkthrough, file: file, line: note.line(of: "walkthrough"), known: legs.keys.sorted())
      }
      guard let direction = note.direction, direction != AnnotationParser.overview, !declared.contains(direction)
      else { continue }
      throw AnnotationError.unknownLeg(
        direction, walkthrough: note.walkthrough, file: file, line: note.line(of: "direction"), legs: declared)
    }
  }
}
