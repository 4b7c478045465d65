import Foundation
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

  @Test func udpAndTCP6NotesLandOnSteps() throws {
    let k = try RealKernel.v61.get()
    let resolved = try k.workspace.resolveAnnotations(in: k.snapshot)
    for name in ["udp-ipv4", "tcp-ipv6"] {
      let paths = try PathFinder(graph: k.graph, spec: try k.workspace.spec(name)).paths()
      var landed = 0
      for path in paths {
        let notes = AnnotationJoin.attach(resolved, to: path, graph: k.graph)
        #expect(notes.unattached.map(\.annotation.id) == [], "\(name) \(path.direction): annotations on no step")
        landed += notes.steps.joined().count
      }
      #expect(landed >= 15, "\(name)")
    }
  }

  /// The hops the whole journey added to every walkthrough (the socket layer down to the protocol's sendmsg) carry a
  /// note in each walkthrough, on 6.1 and 6.12.
  @Test(arguments: ["6.1", "6.12"]) func theJourneysNewHopsHaveNotes(series: String) throws {
    let k = try (series == "6.1" ? RealKernel.v61 : RealKernel.v612).get()
    let resolved = try k.workspace.resolveAnnotations(in: k.snapshot)
    for name in ["tcp-ipv4", "tcp-ipv6", "udp-ipv4", "udp-ipv6"] {
      let paths = try PathFinder(graph: k.graph, spec: try k.workspace.spec(name)).paths()
      let send = try #require(paths.first { $0.direction == "send" })
      let notes = AnnotationJoin.attach(resolved, to: send, graph: k.graph)
      let sendmsg = try #require(send.hops.firstIndex { $0.callee.hasSuffix("sendmsg") && $0.kind != .direct
        && !$0.caller.hasPrefix("sock_") })
      let bare = zip(send.hops, notes.steps).prefix(sendmsg + 1).filter { $0.1.isEmpty }
        .map { "\($0.0.caller) → \($0.0.callee)" }
      #expect(bare == [], "\(name) \(series): socket-layer hops without a note")
    }
  }

  /// udp-ipv6 is new: every hop of both legs carries a note, and every note lands on a step, on 6.1 and 6.12.
  @Test(arguments: ["6.1", "6.12"]) func everyUDP6HopHasANote(series: String) throws {
    let k = try (series == "6.1" ? RealKernel.v61 : RealKernel.v612).get()
    let resolved = try k.workspace.resolveAnnotations(in: k.snapshot)
    for path in try PathFinder(graph: k.graph, spec: try k.workspace.spec("udp-ipv6")).paths() {
      let notes = AnnotationJoin.attach(resolved, to: path, graph: k.graph)
      #expect(notes.overview.count == 1)
      let bare = zip(path.hops, notes.steps).filter { $0.1.isEmpty }.map { "\($0.0.caller) → \($0.0.callee)" }
      #expect(bare == [], "\(series) \(path.direction): hops without a note")
      #expect(notes.unattached.map(\.annotation.id) == [], "\(series) \(path.direction): notes on no step")
    }
  }

  /// An annotations directory with the shipped walkthrough specs and one note file.
  func notesDirectory(_ note: String) throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kwalk-notes-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      atPath: Fixtures.repository + "/Annotations/walkthroughs", toPath: dir.appendingPathComponent("walkthroughs").path)
    try note.write(to: dir.appendingPathComponent("x.md"), atomically: true, encoding: .utf8)
    return dir
  }

  @Test func checkFailsOnAFunctionNoKernelDefines() throws {
    let dir = try notesDirectory(
      "\n---\nid: t.send.a\nwalkthrough: tcp-ipv4\ndirection: send\nfunction: kwalk_no_such_function\n---\nText.\n")
    defer { try? FileManager.default.removeItem(at: dir) }
    let (status, text) = try runKwalk(["check", "--kernel", "6.1", "--annotations", dir.path])
    #expect(status == 1)
    #expect(text.hasSuffix(
      "kwalk: error: x.md:2: function kwalk_no_such_function is not defined in any indexed kernel (6.1.192): "
        + "check the name\n"), "\(text)")
  }

  /// A note on icmp-echo's `reply` leg is placed; on a leg tcp-ipv4's spec lacks, kwalk stops at the direction's line.
  @Test func checkAcceptsTheSpecsLegsOnly() throws {
    let good = try notesDirectory(
      "---\nid: t.reply.a\nwalkthrough: icmp-echo\ndirection: reply\nfunction: icmp_reply\n---\nText.\n")
    defer { try? FileManager.default.removeItem(at: good) }
    let (ok, okText) = try runKwalk(["check", "--kernel", "6.1", "--annotations", good.path])
    #expect(ok == 0, "\(okText)")
    let bad = try notesDirectory(
      "---\nid: t.reply.a\nwalkthrough: tcp-ipv4\ndirection: reply\nfunction: icmp_reply\n---\nText.\n")
    defer { try? FileManager.default.removeItem(at: bad) }
    let (status, text) = try runKwalk(["check", "--kernel", "6.1", "--annotations", bad.path])
    #expect(status == 1)
    #expect(text.hasSuffix("kwalk: error: x.md:4: walkthrough tcp-ipv4 has no leg 'reply' (its legs: send, receive): "
      + "use one of them, or overview, as the direction\n"), "\(text)")
  }

  @Test func checkFailsOnMalformedFrontMatter() throws {
    let dir = try notesDirectory("---\nid: t.send.a\nwalkthrough tcp-ipv4\n---\nText.\n")
    defer { try? FileManager.default.removeItem(at: dir) }
    let (status, text) = try runKwalk(["check", "--kernel", "6.1", "--annotations", dir.path])
    #expect(status == 1)
    #expect(text.hasSuffix("kwalk: error: x.md:3: expected 'key: value', found 'walkthrough tcp-ipv4': fix the front matter (see Annotations/README.md)\n"), "\(text)")
  }
}
