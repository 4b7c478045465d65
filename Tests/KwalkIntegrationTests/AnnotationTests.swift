import KwalkAnnotate
import KwalkGraph
import KwalkTestSupport
import Testing

/// The shipped annotations against the real Debian 6.1 tree.
@Suite(.serialized) struct AnnotationTests {
  @Test func everyShippedAnnotationIsExactOrMovedOn61() throws {
    let k = try RealKernel.v61.get()
    let resolved = try k.workspace.resolveAnnotations(in: k.snapshot)
    #expect(resolved.count >= 140)
    for r in resolved {
      #expect(r.status == .exact || r.status == .moved, "\(r.annotation.origin) \(r.annotation.id): \(r.detail)")
    }
  }

  @Test func everyTCPHopHasANoteAndEveryNoteHasAStep() throws {
    let k = try RealKernel.v61.get()
    let resolved = try k.workspace.resolveAnnotations(in: k.snapshot)
    var attached = 0
    for direction in ["send", "receive"] {
      let path = try #require(k.paths[direction])
      let notes = AnnotationJoin.attach(resolved, to: path, graph: k.graph)
      #expect(notes.overview.count >= 1)
      let bare = zip(path.hops, notes.steps).filter { $0.1.isEmpty }.map { "\($0.0.caller) → \($0.0.callee)" }
      #expect(bare == [], "\(direction): hops without an annotation")
      #expect(notes.unattached.map(\.annotation.id) == [], "\(direction): annotations on no step")
      attached += notes.steps.joined().count
    }
    #expect(attached >= 40)
  }
}
