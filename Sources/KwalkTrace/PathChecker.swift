import KwalkCore
import KwalkGraph
import KwalkIndex

/// Checks a walkthrough's recorded stacks against its path. Read caller first, every frame the path holds must
/// come in the path's order; a path function a stack lacks was inlined (or tail-called) by the running kernel and
/// is fine. Between two path frames of one leg, a frame the index knows is the kernel going another way
/// (inconsistent) and a frame it does not know is named as a version gap. Frames before the first path frame (the
/// system call entry, ksoftirqd), after the last (work beside the path, the tracepoint's own helpers) and between
/// two legs (how the softirq came to run, an ACK or a reply sent on the way) are outside the walkthrough's span.
struct PathChecker {
  let walkthrough: String
  let steps: [PathCheck.Step]
  /// Positions of each function on the path.
  let positions: [String: [Int]]
  /// The leg of each position.
  let legOf: [Int]
  let snapshot: IndexSnapshot

  /// `legs` in order; a leg entered by a softirq hop starts at its handler (the raising function ends the leg
  /// before it).
  init(walkthrough: String, legs: [PacketPath], snapshot: IndexSnapshot) {
    var steps: [PathCheck.Step] = []
    var legOf: [Int] = []
    for (i, leg) in legs.enumerated() {
      let functions = leg.hops.first?.kind == .softirq ? Array(leg.functions.dropFirst()) : leg.functions
      steps += functions.map { PathCheck.Step(function: $0, leg: leg.direction) }
      legOf += functions.map { _ in i }
    }
    var positions: [String: [Int]] = [:]
    for (i, s) in steps.enumerated() { positions[s.function, default: []].append(i) }
    self.walkthrough = walkthrough
    self.steps = steps
    self.positions = positions
    self.legOf = legOf
    self.snapshot = snapshot
  }

  /// Checks every record with a stack; `namesInTree` says which unknown frames the indexed tree mentions.
  func check(_ records: [TraceRecord], namesInTree: ([String]) -> Set<String>) -> PathCheck {
    var stacks = records.filter { !$0.stack.isEmpty }.map(stack)
    let unknown = Set(stacks.flatMap { $0.frames.filter { $0.verdict == .unknown }.map(\.name) })
    let inTree = namesInTree(unknown.sorted())
    let version = snapshot.version.description
    for s in stacks.indices {
      for f in stacks[s].frames.indices where stacks[s].frames[f].verdict == .unknown {
        let name = stacks[s].frames[f].name
        stacks[s].frames[f].reason =
          (inTree.contains(name) ? "in the \(version) tree but in no indexed file" : "not in the \(version) tree")
          + (stacks[s].frames[f].reason.map { ", \($0)" } ?? "")
      }
    }
    var counts: [String: Int] = [:]
    var offPath: [String: Int] = [:]
    var unknownFrames: [String: String] = [:]
    for s in stacks {
      counts[s.status.rawValue, default: 0] += 1
      for f in Set(s.frames.filter { $0.verdict == .offPath || $0.verdict == .outOfOrder }.map(\.name)) {
        offPath[f, default: 0] += 1
      }
      for f in s.frames where f.verdict == .unknown {
        unknownFrames[f.name] = inTree.contains(f.name) ? "in the \(version) tree but in no indexed file" : "not in the \(version) tree"
      }
    }
    return PathCheck(
      walkthrough: walkthrough, path: steps, counts: counts,
      firstInconsistent: stacks.first { $0.status == .inconsistent }, offPathFrames: offPath,
      unknownFrames: unknownFrames)
  }

  /// The frames of one record's stack, caller first, each with its verdict.
  func stack(_ record: TraceRecord) -> PathCheck.Stack {
    let names = Array(record.calls.reversed())
    var frames = names.map { PathCheck.Frame(name: $0, verdict: .outside, position: nil, reason: nil) }
    var current: Int?
    var pending: [Int] = []
    for (k, name) in names.enumerated() {
      guard let candidates = positions[name] else {
        pending.append(k)
        continue
      }
      guard let p = place(candidates, after: current) else {
        frames[k].verdict = .outOfOrder
        frames[k].position = candidates.last { $0 <= current! }
        frames[k].reason = "on the path before \(steps[current!].function), which called it"
        continue
      }
      judge(pending, between: current, and: p, in: &frames)
      pending = []
      frames[k].verdict = .onPath
      frames[k].position = p
      current = p
    }
    for k in pending {
      frames[k].reason = current == nil ? "no frame of this stack is on the path" : "beside the path, called by its last frame here"
    }
    let status: PathCheck.StackStatus
    if frames.contains(where: { $0.verdict == .offPath || $0.verdict == .outOfOrder }) {
      status = .inconsistent
    } else if frames.contains(where: { $0.verdict == .unknown }) {
      status = .versionGap
    } else if frames.contains(where: { $0.verdict == .onPath }) {
      status = .consistent
    } else {
      status = .outside
    }
    return PathCheck.Stack(event: record.name, line: record.line, status: status, frames: frames)
  }

  /// The stack's frames with compiler suffixes removed, innermost first. A part the compiler split off a function
  /// (`icmp_echo.part.0`, called by `icmp_echo` itself) is that function's own frame, not a second call: it is
  /// dropped when its caller is the function it came from. Two frames with the same raw name are recursion and stay.
  static func withoutSplitParts(_ stack: [String]) -> [String] {
    var names: [String] = []
    for (i, raw) in stack.enumerated() {
      let name = StackChecker.normalise(raw)
      if name != raw, i + 1 < stack.count, stack[i + 1] == name { continue }
      names.append(name)
    }
    return names
  }

  /// The position a path frame takes after `current`: the first occurrence further on; else, when the stack went
  /// back to an earlier leg (an ACK or a reply sent from the receive leg), the closest occurrence in another leg;
  /// nil when the only occurrences are earlier in the same leg.
  func place(_ candidates: [Int], after current: Int?) -> Int? {
    guard let c = current else { return candidates.first }
    if let p = candidates.first(where: { $0 > c }) { return p }
    return candidates.last { $0 <= c && legOf[$0] != legOf[c] }
  }

  /// Frames seen between two path frames: outside before the first and between legs; within a leg, off the path
  /// when the index knows them and unknown when it does not.
  func judge(_ pending: [Int], between current: Int?, and next: Int, in frames: inout [PathCheck.Frame]) {
    guard let c = current else {
      for k in pending { frames[k].reason = "before the path's first frame here, \(steps[next].function)" }
      return
    }
    let sameLeg = legOf[c] == legOf[next] && next > c
    for k in pending {
      guard sameLeg else {
        frames[k].reason = next > c
          ? "between the \(steps[c].leg) and \(steps[next].leg) legs (how the next leg came to run)"
          : "leaves the \(steps[c].leg) leg for another packet's \(steps[next].leg) leg at \(steps[next].function)"
        continue
      }
      let between = "between \(steps[c].function) and \(steps[next].function)"
      if snapshot.functionsByName[frames[k].name]?.isEmpty == false {
        frames[k].verdict = .offPath
        frames[k].reason = "indexed, not on the path, \(between)"
      } else {
        frames[k].verdict = .unknown
        frames[k].reason = between
      }
    }
  }
}
