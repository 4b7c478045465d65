import Foundation
import KwalkAnnotate
import KwalkGraph
import KwalkTestSupport
import Testing

/// A note may be about any leg its walkthrough's spec declares (icmp-echo's `reply`), or the overview; anything else
/// is one line naming the note's file, the line of the key at fault, and what the spec has.
@Suite struct AnnotationLegsTests {
  /// Two specs: echo has a leg that is neither send nor receive, plain has only send.
  let specs: [WalkthroughSpec]

  init() throws {
    specs = [
      try WalkthroughSpec.parse("name: echo\n[send]\nentry: a\nexit: b\n[reply]\nentry: c\nexit: d\n", source: "e.walk"),
      try WalkthroughSpec.parse("name: plain\n[send]\nentry: a\nexit: b\n", source: "p.walk"),
    ]
  }

  func notes(walkthrough: String, direction: String) throws -> [Annotation] {
    try AnnotationParser.parse(
      "---\nid: n.1\nwalkthrough: \(walkthrough)\ndirection: \(direction)\nfunction: f\n---\nText.\n\n"
        + "---\nid: n.2\nwalkthrough: \(walkthrough)\ndirection: overview\n---\nText.\n", file: "dir/n.md")
  }

  @Test func aLegTheSpecDeclaresIsADirection() throws {
    let reply = try notes(walkthrough: "echo", direction: "reply")
    #expect(reply[0].direction == "reply" && reply[0].line(of: "direction") == 4 && reply[0].line(of: "nope") == 1)
    try AnnotationLegs.check(reply, specs: specs)
    try AnnotationLegs.check(try notes(walkthrough: "plain", direction: "send"), specs: specs)
  }

  @Test func aLegTheSpecLacksIsOneLineAtTheDirection() throws {
    // `reply` is echo's leg, not plain's; `replay` is nobody's.
    #expect(throws: AnnotationError.unknownLeg("reply", walkthrough: "plain", file: "dir/n.md", line: 4, legs: ["send"])) {
      try AnnotationLegs.check(try notes(walkthrough: "plain", direction: "reply"), specs: specs)
    }
    let error = try #require(throws: AnnotationError.self) {
      try AnnotationLegs.check(try notes(walkthrough: "echo", direction: "replay"), specs: specs)
    }
    #expect("\(error)" == "dir/n.md:4: walkthrough echo has no leg 'replay' (its legs: send, reply): "
      + "use one of them, or overview, as the direction")
  }

  @Test func aWalkthroughWithoutSpecIsOneLineAtTheWalkthrough() throws {
    let error = try #require(throws: AnnotationError.self) {
      try AnnotationLegs.check(try notes(walkthrough: "ecoh", direction: "send"), specs: specs)
    }
    #expect("\(error)" == "dir/n.md:3: no walkthrough spec is named ecoh (walkthroughs/ has echo, plain): "
      + "name one of them or add its spec")
    // An overview needs its walkthrough too.
    #expect(throws: AnnotationError.self) {
      try AnnotationLegs.check(Array(try notes(walkthrough: "ecoh", direction: "send").dropFirst()), specs: specs)
    }
  }

  /// Every shipped note names a shipped walkthrough and one of its legs.
  @Test func theShippedNotesNameShippedLegs() throws {
    let root = Fixtures.repository + "/Annotations"
    let specs = try WalkthroughSpec.loadAll(from: root + "/walkthroughs")
    try AnnotationLegs.check(try AnnotationParser.loadAll(from: root), specs: specs)
  }
}
