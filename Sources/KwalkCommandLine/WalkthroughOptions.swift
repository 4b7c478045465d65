import ArgumentParser
import KwalkGraph
import KwalkKernel
import KwalkTrace

/// The options of the commands that walk one walkthrough in one kernel (`path`, `knobs`, `graph`), and the setup
/// they share: the kernel's workspace, the spec, and its legs.
struct WalkthroughOptions: ParsableArguments {
  @OptionGroup var kernel: KernelOptions
  @Option var walkthrough: String = "tcp-ipv4"
  @Option(
    help: ArgumentHelp(
      "A trace from kwalk trace --out: the functions its stacks show between two stops of a leg are stops too.",
      valueName: "trace"))
  var stacks: String?

  /// The walkthrough's legs in the kernel (only `direction`'s when given), with the graph they were found in.
  func legs(direction: String?, findsAlternatives: Bool = true) throws -> (spec: WalkthroughSpec, graph: CallGraph, paths: [PacketPath]) {
    let ws = try Workspace(
      source: try kernel.single(), cache: kernel.kwalkCache, annotations: kernel.annotations, progress: ProgressReporter())
    let spec = try ws.spec(walkthrough)
    let graph = try ws.graph()
    var finder = PathFinder(graph: graph, spec: spec)
    finder.findsAlternatives = findsAlternatives
    finder.stacks = try stacks.map { try StackEvidence(file: $0).of(spec.name) }
    return (spec, graph, try direction.map { [try finder.path(direction: $0)] } ?? finder.paths())
  }
}
