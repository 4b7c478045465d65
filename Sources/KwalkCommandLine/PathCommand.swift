import ArgumentParser
import Foundation
import KwalkGraph
import KwalkKernel

/// `kwalk path`: the hops of a walkthrough.
struct PathCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "path", abstract: "Print a walkthrough's hops.")
  @OptionGroup var kernel: KernelOptions
  @Option var walkthrough: String = "tcp-ipv4"
  @Option(help: "send or receive (default: both).") var direction: String?
  @Option var format: OutputFormat = .text

  func run() throws {
    try reportingErrors {
      let ws = try Workspace(
        source: try kernel.single(), cache: kernel.kwalkCache, annotations: kernel.annotations,
        progress: ProgressReporter())
      let spec = try ws.spec(walkthrough)
      let finder = PathFinder(graph: try ws.graph(), spec: spec)
      let paths = try direction.map { [try finder.path(direction: $0)] } ?? finder.paths()
      if format == .json { return try printJSON(paths) }
      for p in paths {
        print("# \(spec.name) \(p.direction) (kernel \(p.kernel)): \(p.hops.count) hops")
        if let note = p.stopNote { print("# \(note)") }
        for (i, h) in p.hops.enumerated() { print(PathText.line(i + 1, h)) }
        for a in p.alternatives { print("  alternative \(a.from) → \(a.to): \(a.functions.joined(separator: " → "))") }
      }
    }
  }
}

/// One hop as a terminal line.
enum PathText {
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
  @OptionGroup var kernel: KernelOptions
  @Option var walkthrough: String = "tcp-ipv4"
  @Option(help: "dot") var format: String = "dot"

  func run() throws {
    try reportingErrors {
      guard format == "dot" else { throw ValidationFailure("unknown graph format '\(format)': use dot") }
      let ws = try Workspace(
        source: try kernel.single(), cache: kernel.kwalkCache, annotations: kernel.annotations,
        progress: ProgressReporter())
      let paths = try PathFinder(graph: try ws.graph(), spec: try ws.spec(walkthrough)).paths()
      print(DotWriter.dot(name: walkthrough, paths: paths), terminator: "")
    }
  }
}
