import ArgumentParser
import Foundation
import KwalkGraph
import KwalkKernel

/// `kwalk knobs`: per step of a walkthrough, the sysctls it reads, the counters it increments and where it drops.
struct KnobsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "knobs", abstract: "Print what to watch and what to tune on each step of a walkthrough.")
  @OptionGroup var options: WalkthroughOptions
  @Option(help: "A leg's name, such as send or receive (default: every leg).") var direction: String?
  @Option var format: OutputFormat = .text

  func run() throws {
    try reportingErrors {
      let (_, graph, paths) = try options.legs(direction: direction, findsAlternatives: false)
      let join = ObservabilityJoin(snapshot: graph.snapshot)
      let legs = paths.map { LegObservations(path: $0, join: join) }
      if format == .json { return try printJSON(legs) }
      for leg in legs { print(KnobsText.lines(leg).joined(separator: "\n")) }
    }
  }
}

/// A leg's observations as terminal lines.
enum KnobsText {
  static func lines(_ leg: LegObservations) -> [String] {
    var out = [
      "# \(leg.walkthrough) \(leg.direction) (kernel \(leg.kernel)): \(leg.steps.count) steps to watch or tune"
    ]
    for s in leg.steps {
      out.append(String(format: "%3d  ", s.step) + s.function)
      for t in s.observations.tunables {
        var l = "       tune   \(t.name)"
        if let d = t.defaultValue { l += " = \(d)" }
        if t.perNamespace { l += " (per netns)" }
        l +=
          "  reads \(t.storage) in \(t.function) at \(t.read.file):\(t.read.line);"
          + " table \(t.entry.file):\(t.entry.line)"
        out.append(l)
      }
      for c in s.observations.counters {
        let file = c.file.isEmpty ? "device statistics" : c.file
        let when = c.placement == .mainLine ? "" : " (\(c.placement == .branch ? "in a branch" : "on an exit"))"
        out.append("       watch  \(c.name)  \(file)\(when)  \(c.via) in \(c.function) at \(c.at.file):\(c.at.line)")
      }
      for d in s.observations.drops {
        var l = "       drop   \(d.call) in \(d.function) at \(d.at.file):\(d.at.line)"
        let reasons = d.reasons.map { "\($0.name) (\($0.at.line))" }
        if !reasons.isEmpty { l += ": " + reasons.joined(separator: ", ") }
        if !d.counters.isEmpty { l += "; counted by " + d.counters.map(\.name).joined(separator: ", ") }
        out.append(l)
      }
    }
    return out
  }
}
