import ArgumentParser
import Foundation
import KwalkGraph
import KwalkKernel

/// `kwalk path`: the hops of a walkthrough.
struct PathCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "path", abstract: "Print a walkthrough's hops.")
  @OptionGroup var options: WalkthroughOptions
  @Option(help: "A leg's name, such as send or receive (default: every leg).") var direction: String?
  @Option var format: OutputFormat = .text

  func run() throws {
    try reportingErrors {
      let (spec, _, paths) = try options.legs(direction: direction)
      if format == .json { return try printJSON(paths) }
      for p in paths { print(PathText.leg(p, spec: spec).joined(separator: "\n")) }
    }
  }
}

/// A leg as terminal lines.
enum PathText {
  static func leg(_ p: PacketPath, spec: WalkthroughSpec) -> [String] {
    var out = ["# \(spec.name) \(p.direction) (kernel \(p.kernel)): \(p.hops.count) hops, \(p.branchPoints.count) branch points"]
    if let note = p.stopNote { out.append("# \(note)") }
    if !p.stackStops.isEmpty { out.append("# passed as the recorded stacks show: " + p.stackStops.joined(separator: ", ")) }
    if !p.runs.isEmpty {
      out.append("# how it runs here: " + p.runsFunctions.joined(separator: " → "))
      for (i, h) in p.runs.enumerated() { out.append("   " + line(i + 1, h)) }
    }
    for (i, h) in p.hops.enumerated() {
      out.append(line(i + 1, h))
      for s in p.sideSteps where s.hop == i {
        out.append("       side step: \(s.caller) → \(s.callee) (\(s.callsite.file):\(s.callsite.line)): \(s.reason)")
      }
      for b in p.branchPoints where b.hop == i { out += branchPoint(b) }
    }
    return out
  }

  /// A branch point under the hop that leaves it.
  static func branchPoint(_ b: BranchPoint) -> [String] {
    var out = ["       branch point at \(b.function) toward \(b.toward): took \(b.taken.callee) (\(b.taken.callsite.file):\(b.taken.callsite.line), cost \(cost(b.taken.cost)))"]
    if let s = b.decidedByStacks { out.append("         decided by the stacks: the taken route \(s)") }
    for (r, c) in zip(b.notTaken, b.conditions) {
      var s = "         not taken: \(r.callee) (\(r.callsite.file):\(r.callsite.line), cost \(cost(r.cost)))"
      if let c { s += c.decides == "other" ? " runs when \(c.text) at \(c.file):\(c.line)" : "; the taken call needs \(c.text) at \(c.file):\(c.line)" }
      s += ": " + r.functions.joined(separator: " → ")
      out.append(s)
      for e in r.evidence.prefix(3) { out.append("           \(e)") }
    }
    return out
  }

  /// Tenths of a hop as hops: `3.5`.
  static func cost(_ c: Int) -> String {
    c >= RouteEvidence.ruledOut ? "ruled out" : "\(c / 10).\(c % 10)"
  }

  /// One hop as a terminal line.
  static func line(_ n: Int, _ h: Hop) -> String {
    var s = String(format: "%3d  %-8@ ", n, h.kind.rawValue as NSString)
    s += "\(h.caller) → \(h.callee)  \(h.callsite.file):\(h.callsite.line)"
    if let via = h.via { s += "  via \(via)" }
    if let b = h.bindings.first { s += "  bound at \(b.file):\(b.line): \(b.text)" }
    if !h.candidates.isEmpty { s += "  (else: \(h.candidates.prefix(4).joined(separator: ", "))\(h.candidates.count > 4 ? ", …" : ""))" }
    if !h.config.isEmpty { s += "  [\(h.config.joined(separator: ", "))]" }
    if !h.tracepoints.isEmpty { s += "  fires \(h.tracepoints.joined(separator: ", "))" }
    return s
  }
}

/// `kwalk graph --format dot`.
struct GraphCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "graph", abstract: "Write a walkthrough's subgraph.")
  @OptionGroup var options: WalkthroughOptions
  @Option(help: "dot") var format: String = "dot"

  func run() throws {
    try reportingErrors {
      guard format == "dot" else { throw ValidationFailure("unknown graph format '\(format)': use dot") }
      let paths = try options.legs(direction: nil, findsAlternatives: false).paths
      print(DotWriter.dot(name: options.walkthrough, paths: paths), terminator: "")
    }
  }
}
