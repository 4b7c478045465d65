import ArgumentParser

/// `kwalk`: annotated, verifiable walkthroughs of the kernel's packet path, from the source.
public struct KwalkMain: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "kwalk",
    abstract: "Walk a packet through a real Linux tree: index it with libclang, resolve the call graph, explain it.",
    subcommands: [
      FlagsCommand.self, IndexCommand.self, SymbolsCommand.self, CallsCommand.self, BindingsCommand.self,
      PathCommand.self, GraphCommand.self, CheckCommand.self, SiteCommand.self, DiffCommand.self,
      SimulateCommand.self, TraceCommand.self, VerifyCommand.self, KernelsCommand.self, HistoryCommand.self,
      KnobsCommand.self, RouteCommand.self,
    ])

  public init() {}
}
